import { type KeyObject, verify } from 'node:crypto';
import { SnsRejectedError } from './sns-rejected-error.ts';

/** The SignatureVersions SNS uses, and the RSASSA-PKCS1-v1_5 digest each stands for. */
export const SNS_SIGNATURE_ALGORITHMS = { '1': 'RSA-SHA1', '2': 'RSA-SHA256' } as const;

export type SnsSignatureVersion = keyof typeof SNS_SIGNATURE_ALGORITHMS;

// Buffer.from(x, 'base64') skips junk silently; a signature that is not clean base64 is not one SNS made.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Narrows a raw `SignatureVersion`; throws SnsRejectedError `unsupported_signature_version` otherwise. */
export function readSignatureVersion(value: unknown): SnsSignatureVersion {
  if (value === '1' || value === '2') return value;
  throw new SnsRejectedError('unsupported_signature_version', {
    detail: typeof value === 'string' ? `"${value.slice(0, 8)}"` : typeof value,
  });
}

/** True when `signature` (base64) is a valid signature of `stringToSign` (UTF-8) under `publicKey`. */
export function verifySnsSignature(
  stringToSign: string,
  signature: string,
  version: SnsSignatureVersion,
  publicKey: KeyObject,
): boolean {
  if (!BASE64.test(signature) || signature.length % 4 !== 0) return false;
  try {
    return verify(
      SNS_SIGNATURE_ALGORITHMS[version],
      Buffer.from(stringToSign, 'utf8'),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    // OpenSSL throws on some malformed inputs; for us that is simply a signature that does not verify.
    return false;
  }
}
