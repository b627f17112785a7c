import { createHash } from 'node:crypto';

/**
 * The inbox is split in this many parts by MessageId. Replicas sharing a store drain the parts under
 * leases, one replica per part at a time, so a storm is worked through by several replicas without
 * two of them applying the same notifications side by side. On DynamoDB each part is also its own
 * index partition, so a storm is not one hot key.
 */
export const INBOX_PARTS = 4;

export function inboxPartOf(messageId: string): number {
  return (createHash('sha1').update(messageId).digest()[0] ?? 0) % INBOX_PARTS;
}
