import type { SnsRejectReason } from '../../../src/intake/sns/sns-rejected-error.ts';
import { type ForgedVariant, forgeVariant, readSignedAt, removeField, setField } from './forge-body.ts';
import { BASE, readGenuineBody } from './genuine-fixtures.ts';

const { v1Subject, confirmationV1, confirmationV2 } = BASE;

function raw(name: string, body: string, reason: SnsRejectReason): ForgedVariant {
  return { name, body, reason, now: readSignedAt(v1Subject) };
}

/** Bodies that are not JSON, not an SNS envelope, or carry an unsupported SignatureVersion. */
export function buildEnvelopeVariants(): ForgedVariant[] {
  const version = (name: string, edit: Parameters<typeof forgeVariant>[3]) =>
    forgeVariant(name, v1Subject, 'unsupported_signature_version', edit);
  const envelope = (name: string, edit: Parameters<typeof forgeVariant>[3], file: string = v1Subject) =>
    forgeVariant(name, file, 'invalid_envelope', edit);
  return [
    version('SignatureVersion "3"', setField('SignatureVersion', '3')),
    version('SignatureVersion ""', setField('SignatureVersion', '')),
    version('SignatureVersion missing', removeField('SignatureVersion')),
    version('SignatureVersion as number 1', setField('SignatureVersion', 1)),
    version('SignatureVersion null', setField('SignatureVersion', null)),
    raw('malformed JSON (truncated)', readGenuineBody(v1Subject).slice(0, 200), 'malformed_json'),
    raw('empty body', '', 'malformed_json'),
    raw('JSON null', 'null', 'invalid_envelope'),
    raw('JSON array', '[]', 'invalid_envelope'),
    envelope('Message null', setField('Message', null)),
    envelope('Message is a number', setField('Message', 42)),
    envelope('MessageId null', setField('MessageId', null)),
    envelope('TopicArn missing', removeField('TopicArn')),
    envelope('TopicArn is an SQS ARN', setField('TopicArn', 'arn:aws:sqs:us-east-2:295079676684:queue')),
    envelope('Type unknown', setField('Type', 'Alarm')),
    envelope('Type missing', removeField('Type')),
    envelope(
      'Notification relabelled SubscriptionConfirmation',
      setField('Type', 'SubscriptionConfirmation'),
    ),
    envelope('Token missing', removeField('Token'), confirmationV1),
    envelope('SubscribeURL null', setField('SubscribeURL', null), confirmationV2),
    envelope('Timestamp not ISO 8601', setField('Timestamp', 'Thu, 28 Jul 2022 22:53:49 GMT')),
    envelope('Signature missing', removeField('Signature')),
    envelope('SigningCertURL missing', removeField('SigningCertURL')),
    envelope('Lambda-style SigningCertUrl key', (fields) => {
      fields['SigningCertUrl'] = fields['SigningCertURL'];
      delete fields['SigningCertURL'];
    }),
  ];
}
