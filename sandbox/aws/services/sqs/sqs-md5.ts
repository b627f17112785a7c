import { createHash } from 'node:crypto';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';

/** Hex MD5 of a message body's UTF-8 bytes: MD5OfMessageBody on send, MD5OfBody on receive. */
export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * MD5OfMessageAttributes as AWS documents it: attributes sorted by name, each encoded as
 * name, DataType (both 4-byte big-endian length + UTF-8), one transport byte (1 String/Number,
 * 2 Binary), then the value (length + bytes); the MD5 of all of it, in hex.
 */
export function md5OfMessageAttributes(attributes: Record<string, MessageAttributeValue>): string {
  const hash = createHash('md5');
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name] as MessageAttributeValue;
    const dataType = attribute.DataType ?? '';
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(dataType, 'utf8')));
    if (dataType.startsWith('Binary')) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(attribute.BinaryValue ?? new Uint8Array())));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}
