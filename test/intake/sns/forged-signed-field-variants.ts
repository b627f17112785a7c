import { type ForgedVariant, flipSignatureBit, forgeVariant, removeField, setField } from './forge-body.ts';
import { BASE, readGenuineString } from './genuine-fixtures.ts';

const { v1Subject, v1NoSubject, v2NoSubject, v2Subject, sesComplaint, confirmationV1, confirmationV2 } = BASE;

/** Genuine messages with one signed field, the signature or its version label changed. */
export function buildSignedFieldVariants(): ForgedVariant[] {
  const signature = readGenuineString(v1Subject, 'Signature');
  const truncated = Buffer.from(signature, 'base64').subarray(0, 255).toString('base64');
  const token = readGenuineString(confirmationV1, 'Token');
  const forge = (name: string, file: string, edit: Parameters<typeof forgeVariant>[3]) =>
    forgeVariant(name, file, 'bad_signature', edit);
  return [
    forge('Message changed', v1Subject, setField('Message', 'Hello world!')),
    forge('Message changed (SigV2)', v2NoSubject, setField('Message', 'Hello world.')),
    forge(
      'Message trailing newline dropped',
      sesComplaint,
      setField('Message', readGenuineString(sesComplaint, 'Message').trimEnd()),
    ),
    forge('MessageId changed', v1Subject, setField('MessageId', '11405cc3-9ac7-56d5-b45d-079e8f7a8ee0')),
    forge('Subject added', v1NoSubject, setField('Subject', 'Hello world')),
    forge('Subject added as empty string', v1NoSubject, setField('Subject', '')),
    forge('Subject removed', v1Subject, removeField('Subject')),
    forge('Subject set to null', v1Subject, setField('Subject', null)),
    forge('Subject changed (SigV2)', v2Subject, setField('Subject', 'Hello World')),
    forge('Timestamp changed by 1 ms', v1Subject, setField('Timestamp', '2022-07-28T22:53:49.655Z')),
    forge(
      'TopicArn changed to another allowed topic',
      v1Subject,
      setField('TopicArn', readGenuineString(v1NoSubject, 'TopicArn')),
    ),
    forge(
      'Type changed to UnsubscribeConfirmation',
      confirmationV1,
      setField('Type', 'UnsubscribeConfirmation'),
    ),
    forge('Token changed', confirmationV1, setField('Token', `${token.slice(0, -1)}0`)),
    forge('SubscribeURL changed (SigV2)', confirmationV2, setField('SubscribeURL', 'https://evil.example/c')),
    forge('Signature bit flipped', v1Subject, setField('Signature', flipSignatureBit(signature, 100))),
    forge('Signature truncated by one byte', v1Subject, setField('Signature', truncated)),
    forge('Signature empty', v1Subject, setField('Signature', '')),
    // Lenient decoders skip junk and padding, so these decode to the genuine bytes: refuse the text.
    forge('Signature with non-base64 junk', v1Subject, setField('Signature', `!!!!${signature}`)),
    forge('Signature without base64 padding', v1Subject, setField('Signature', signature.replace(/=+$/, ''))),
    forge(
      'Signature of another message',
      v1Subject,
      setField('Signature', readGenuineString(v1NoSubject, 'Signature')),
    ),
    forge('SigV1 message relabelled SignatureVersion 2', v1Subject, setField('SignatureVersion', '2')),
    forge('SigV2 message relabelled SignatureVersion 1', v2NoSubject, setField('SignatureVersion', '1')),
  ];
}
