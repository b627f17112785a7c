import type { SnsRejectReason } from '../../../src/intake/sns/sns-rejected-error.ts';
import { readGenuineFields, readGenuineString } from './genuine-fixtures.ts';

/** A forged or malformed SNS body, the reason the verifier must give, and the clock to verify at. */
export interface ForgedVariant {
  name: string;
  body: string;
  reason: SnsRejectReason;
  now: Date;
}

export type EditFields = (fields: Record<string, unknown>) => void;

/** The instant a genuine message was signed: inside its certificate's validity. */
export function readSignedAt(file: string): Date {
  return new Date(readGenuineString(file, 'Timestamp'));
}

/** A genuine message, edited, re-serialised (layout is irrelevant to the signature). */
export function forgeBody(file: string, edit: EditFields): string {
  const fields = readGenuineFields(file);
  edit(fields);
  return JSON.stringify(fields, null, 2);
}

/** A variant of a genuine message, checked at the time it was signed unless `now` is given. */
export function forgeVariant(
  name: string,
  file: string,
  reason: SnsRejectReason,
  edit: EditFields,
  now: Date = readSignedAt(file),
): ForgedVariant {
  return { name, body: forgeBody(file, edit), reason, now };
}

/** Flips the lowest bit of one byte of a base64 signature. */
export function flipSignatureBit(signature: string, byteIndex: number): string {
  const bytes = Buffer.from(signature, 'base64');
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 1;
  return bytes.toString('base64');
}

/** An edit that sets one field (to anything, null included). */
export function setField(key: string, value: unknown): EditFields {
  return (fields) => {
    fields[key] = value;
  };
}

/** An edit that deletes one field. */
export function removeField(key: string): EditFields {
  return (fields) => {
    delete fields[key];
  };
}
