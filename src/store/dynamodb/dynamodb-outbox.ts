import type { OutboxItem } from '../outbox.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { OUTBOX_KEEP_DONE_DAYS, outboxDueKey, readOutboxItem } from './incident-items.ts';
import { dueBy, expiresAfterDays, incidentPk, iso, OUTBOX_DUE, OUTBOX_ID_SPAN, outboxKey } from './keys.ts';

const keyOf = (id: number) => outboxKey(Math.floor(id / OUTBOX_ID_SPAN), id % OUTBOX_ID_SPAN);

/** Incident Manager writes queued with the changes that imply them (items are written by write-plan.ts). */
export class DynamoDbOutbox {
  constructor(private readonly table: DynamoTable) {}

  async listDue(now: Date, limit: number): Promise<OutboxItem[]> {
    const items = await this.table.query(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':list': OUTBOX_DUE, ':due': dueBy(now) },
      },
      limit,
    );
    return items.map(readOutboxItem);
  }

  async listUnfinished(seq: number): Promise<OutboxItem[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :outbox)',
      FilterExpression: '#status <> :done',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': incidentPk(seq), ':outbox': 'OUTBOX#', ':done': 'done' },
      ConsistentRead: true,
    });
    return items.map(readOutboxItem);
  }

  async complete(id: number, now: Date): Promise<void> {
    await this.table.update({
      Key: keyOf(id),
      UpdateExpression:
        'SET #status = :done, doneAt = :now, attempts = attempts + :one, expiresAt = :expires REMOVE lastError, gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':done': 'done',
        ':now': iso(now),
        ':one': 1,
        ':expires': expiresAfterDays(now, OUTBOX_KEEP_DONE_DAYS),
      },
    });
  }

  async fail(id: number, error: string, retryAt: Date | undefined): Promise<void> {
    const values: Record<string, unknown> = { ':error': error.slice(0, 1000), ':one': 1 };
    let update = 'SET attempts = attempts + :one, lastError = :error';
    if (retryAt) {
      Object.assign(values, { ':retryAt': iso(retryAt), ':due': outboxDueKey(retryAt, id) });
      update += ', nextAttemptAt = :retryAt, gsi1sk = :due';
    } else {
      values[':failed'] = 'failed';
      update += ', #status = :failed REMOVE gsi1pk, gsi1sk';
    }
    await this.table.update({
      Key: keyOf(id),
      UpdateExpression: update,
      ConditionExpression: 'attribute_exists(pk)',
      ...(retryAt ? {} : { ExpressionAttributeNames: { '#status': 'status' } }),
      ExpressionAttributeValues: values,
    });
  }
}
