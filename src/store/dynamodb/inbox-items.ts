import { INBOX_PARTS, inboxPartOf } from '../inbox-parts.ts';
import type { InboxItem, InboxStatus } from '../store.ts';
import type { Item } from './dynamo-table.ts';
import { expiresAfterDays, inboxKey, iso } from './keys.ts';

/** Pending notifications spread over the inbox's parts, one index partition each (inbox-parts.ts). */
export const INBOX_SHARDS = INBOX_PARTS;
/** Longer than SQS keeps a message (14 days): a late redelivery is still known as a duplicate. */
export const INBOX_KEEP_DONE_DAYS = 15;

export const inboxDueList = (shard: number): string => `INBOX#DUE#${shard}`;
const dueListOf = (messageId: string): string => inboxDueList(inboxPartOf(messageId));

/** A notification in any state, as the inbox table row keeps it. */
export interface InboxRecord extends InboxItem {
  status: InboxStatus;
  nextAttemptAt: Date;
  lastError?: string;
  outcome?: string;
  incidentSeq?: number;
  processedAt?: Date;
  /** When a processed or failed notification's item may expire (it stays a known MessageId until then). */
  doneAt?: Date;
}

/**
 * A notification's item. Pending ones are in their shard's due list, oldest received first (due or
 * not: see DynamoDbInbox.listDue); processed or failed ones left it and expire after a while.
 */
export function inboxItem(record: InboxRecord): Item {
  const pending = record.status === 'pending';
  const doneAt = record.processedAt ?? record.doneAt;
  return {
    ...inboxKey(record.messageId),
    messageId: record.messageId,
    topicArn: record.topicArn,
    subject: record.subject,
    message: record.message,
    timestamp: iso(record.timestamp),
    receivedAt: iso(record.receivedAt),
    nextAttemptAt: iso(record.nextAttemptAt),
    attempts: record.attempts,
    status: record.status,
    ...(record.lastError !== undefined ? { lastError: record.lastError } : {}),
    ...(record.outcome !== undefined ? { outcome: record.outcome } : {}),
    ...(record.incidentSeq !== undefined ? { incidentSeq: record.incidentSeq } : {}),
    ...(record.processedAt ? { processedAt: iso(record.processedAt) } : {}),
    ...(!pending && doneAt ? { expiresAt: expiresAfterDays(doneAt, INBOX_KEEP_DONE_DAYS) } : {}),
    ...(pending
      ? { gsi1pk: dueListOf(record.messageId), gsi1sk: `${iso(record.receivedAt)}#${record.messageId}` }
      : {}),
  };
}
