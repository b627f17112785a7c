import type { InboxItem, InboxStatus } from '../store.ts';
import type { DynamoTable, Item, TransactItem } from './dynamo-table.ts';
import { INBOX_KEEP_DONE_DAYS, INBOX_SHARDS, inboxDueList, inboxItem } from './inbox-items.ts';
import { expiresAfterDays, inboxKey, iso } from './keys.ts';

function toInboxItem(item: Item): InboxItem {
  return {
    messageId: item.messageId as string,
    topicArn: item.topicArn as string,
    subject: item.subject as string | undefined,
    message: item.message as string,
    timestamp: new Date(item.timestamp as string),
    receivedAt: new Date(item.receivedAt as string),
    attempts: item.attempts as number,
  };
}

/** The inbox: every verified SNS message is put here before /sns answers 2xx (docs/store.md, Inbox). */
export class DynamoDbInbox {
  constructor(private readonly table: DynamoTable) {}

  async save(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'> {
    const stored = await this.table.put(
      inboxItem({ ...item, status: 'pending', attempts: 0, nextAttemptAt: item.receivedAt }),
      { ConditionExpression: 'attribute_not_exists(pk)' },
    );
    return stored ? 'stored' : 'duplicate';
  }

  /**
   * Oldest received first, as SQLite's: each shard is read in received order, leaving out those
   * whose retry time has not come (few: only notifications that failed wait), then merged.
   */
  async listDue(now: Date, limit: number, part?: number): Promise<InboxItem[]> {
    const parts = part === undefined ? Array.from({ length: INBOX_SHARDS }, (_, shard) => shard) : [part];
    const shards = await Promise.all(
      parts.map((shard) =>
        this.table.query(
          {
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :list',
            FilterExpression: 'nextAttemptAt <= :now',
            ExpressionAttributeValues: { ':list': inboxDueList(shard), ':now': iso(now) },
          },
          limit,
        ),
      ),
    );
    return shards
      .flat()
      .map(toInboxItem)
      .sort(
        (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.messageId.localeCompare(b.messageId),
      )
      .slice(0, limit);
  }

  async count(status: InboxStatus): Promise<number> {
    if (status === 'pending') {
      const counts = await Promise.all(
        Array.from({ length: INBOX_SHARDS }, (_, shard) =>
          this.table.count({
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :list',
            ExpressionAttributeValues: { ':list': inboxDueList(shard) },
          }),
        ),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    }
    return this.table.scanCount({
      FilterExpression: 'sk = :inbox AND #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':inbox': 'INBOX', ':status': status },
    });
  }

  async get(messageId: string): Promise<{ status: InboxStatus } | undefined> {
    const item = await this.table.get(inboxKey(messageId));
    return item ? { status: item.status as InboxStatus } : undefined;
  }

  /** Marks it processed, on condition it was not already: a transaction action, or on its own. */
  processedAction(
    messageId: string,
    outcome: string,
    incidentSeq: number | undefined,
    now: Date,
  ): TransactItem {
    return {
      Update: {
        Key: inboxKey(messageId),
        UpdateExpression:
          'SET #status = :processed, outcome = :outcome, processedAt = :now, expiresAt = :expires, attempts = attempts + :one' +
          (incidentSeq !== undefined ? ', incidentSeq = :seq' : '') +
          ' REMOVE lastError, gsi1pk, gsi1sk',
        // Not yet processed (a notification given up on may still be applied by hand): a second
        // replica applying it too is cancelled here.
        ConditionExpression: '#status <> :processed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':processed': 'processed',
          ':outcome': outcome,
          ':now': iso(now),
          ':expires': expiresAfterDays(now, INBOX_KEEP_DONE_DAYS),
          ':one': 1,
          ...(incidentSeq !== undefined ? { ':seq': incidentSeq } : {}),
        },
      },
    };
  }

  async markProcessed(messageId: string, outcome: string, now: Date): Promise<void> {
    const { Update } = this.processedAction(messageId, outcome, undefined, now) as {
      Update: Parameters<DynamoTable['update']>[0];
    };
    await this.table.update(Update);
  }

  async recordFailure(messageId: string, error: string, retryAt: Date | undefined): Promise<void> {
    const values: Record<string, unknown> = {
      ':pending': 'pending',
      ':error': error.slice(0, 2000),
      ':one': 1,
    };
    let update: string;
    if (retryAt) {
      values[':retryAt'] = iso(retryAt);
      update = 'SET attempts = attempts + :one, lastError = :error, nextAttemptAt = :retryAt';
    } else {
      values[':failed'] = 'failed';
      // The port gives no "now" here; the expiry only frees space, so the machine time is enough.
      values[':expires'] = expiresAfterDays(new Date(), INBOX_KEEP_DONE_DAYS);
      update =
        'SET attempts = attempts + :one, lastError = :error, #status = :failed, expiresAt = :expires REMOVE gsi1pk, gsi1sk';
    }
    await this.table.update({
      Key: inboxKey(messageId),
      UpdateExpression: update,
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    });
  }
}
