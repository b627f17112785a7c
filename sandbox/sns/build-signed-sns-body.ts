import { type KeyObject, sign } from 'node:crypto';
import {
  buildStringToSign,
  SNS_SIGNATURE_ALGORITHMS,
  type SnsSignatureVersion,
  type SnsSignedFields,
} from '../../src/intake/index.ts';

/** Who signs a sandbox SNS body, how, and which certificate URL it names. */
export interface SnsBodySigning {
  signatureVersion: SnsSignatureVersion;
  privateKey: KeyObject;
  signingCertUrl: string;
  /** Notification only; not signed. */
  unsubscribeUrl?: string;
}

// The order SNS itself writes keys in (see the byte-exact raku fixtures).
const KEY_ORDER = [
  'Type',
  'MessageId',
  'Token',
  'TopicArn',
  'Subject',
  'Message',
  'SubscribeURL',
  'Timestamp',
  'SignatureVersion',
  'Signature',
  'SigningCertURL',
  'UnsubscribeURL',
] as const;

/**
 * Signs `fields` the way SNS does and returns the body in SNS's own layout (`"Key" : "value"`, two
 * spaces, SNS key order). For the sandbox and tests only: the key is whatever the caller passes.
 */
export function buildSignedSnsBody(fields: SnsSignedFields, signing: SnsBodySigning): string {
  const signature = sign(
    SNS_SIGNATURE_ALGORITHMS[signing.signatureVersion],
    Buffer.from(buildStringToSign(fields), 'utf8'),
    signing.privateKey,
  ).toString('base64');
  const values: Record<string, string | undefined> = {
    ...fields,
    SignatureVersion: signing.signatureVersion,
    Signature: signature,
    SigningCertURL: signing.signingCertUrl,
    UnsubscribeURL: signing.unsubscribeUrl,
  };
  const lines = KEY_ORDER.flatMap((key) => {
    const value = values[key];
    return value === undefined ? [] : [`  ${JSON.stringify(key)} : ${JSON.stringify(value)}`];
  });
  return `{\n${lines.join(',\n')}\n}`;
}
