import type {
  NewSnapshotWatch,
  SnapshotKey,
  SnapshotOutcome,
  SnapshotWatchRecord,
  SnapshotWatchStore,
} from '../snapshot-watch-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { dueBy, iso, SNAPSHOTS_DUE } from './keys.ts';
import { readWatchItem, watchDueKey, watchItem, watchKey } from './snapshot-watch-items.ts';

const STATUS = { '#status': 'status' };

/**
 * Snapshot watches (docs/store.md, Snapshot watches): `SNAP#<kind>#<snapshotId>`, in gsi1
 * `SNAP#DUE` by the next look (the claim's end while reporting) until done. Every decision is a
 * condition on the watch's own item.
 */
export class DynamoDbSnapshotWatches implements SnapshotWatchStore {
  constructor(private readonly table: DynamoTable) {}

  add(watch: NewSnapshotWatch): Promise<boolean> {
    return this.table.put(watchItem(watch), { ConditionExpression: 'attribute_not_exists(pk)' });
  }

  async get(watch: SnapshotKey): Promise<SnapshotWatchRecord | undefined> {
    const item = await this.table.get(watchKey(watch));
    return item ? readWatchItem(item) : undefined;
  }

  async listDue(now: Date, limit: number): Promise<SnapshotWatchRecord[]> {
    const items = await this.table.query(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':list': SNAPSHOTS_DUE, ':due': dueBy(now) },
      },
      limit,
    );
    // The index may trail the table: a watch it still lists as due may be done (the claim decides).
    return items
      .map(readWatchItem)
      .filter(
        (watch) => watch.status !== 'done' && watch.nextCheckAt !== undefined && watch.nextCheckAt <= now,
      );
  }

  async recordLook(watch: SnapshotKey, next: Date, delayMs: number): Promise<void> {
    await this.table.update({
      Key: watchKey(watch),
      UpdateExpression:
        'SET nextCheckAt = :next, delayMs = :delay, attempts = attempts + :one, gsi1sk = :due',
      ConditionExpression: '#status = :watching',
      ExpressionAttributeNames: STATUS,
      ExpressionAttributeValues: {
        ':next': iso(next),
        ':delay': delayMs,
        ':one': 1,
        ':due': watchDueKey(next, watch),
        ':watching': 'watching',
      },
    });
  }

  /**
   * SQLite's one UPDATE (`status = watching OR (status = reporting AND nextCheckAt <= now)`) as
   * two conditional updates, because only a claim from watching counts a look: each is atomic on
   * the item, and a watch moved to reporting by one fails the other's condition until its lease ends.
   */
  async claimReport(
    watch: SnapshotKey,
    outcome: SnapshotOutcome,
    now: Date,
    leaseUntil: Date,
  ): Promise<boolean> {
    const values = {
      ':reporting': 'reporting',
      ':lease': iso(leaseUntil),
      ':due': watchDueKey(leaseUntil, watch),
      ':one': 1,
    };
    const fromWatching = await this.table.update({
      Key: watchKey(watch),
      UpdateExpression:
        'SET #status = :reporting, outcome = :outcome, nextCheckAt = :lease, gsi1sk = :due, reportAttempts = reportAttempts + :one, attempts = attempts + :one',
      ConditionExpression: '#status = :watching',
      ExpressionAttributeNames: STATUS,
      ExpressionAttributeValues: { ...values, ':outcome': JSON.stringify(outcome), ':watching': 'watching' },
    });
    if (fromWatching) return true;
    // A claim that ran out is taken again with the outcome it had.
    return this.table.update({
      Key: watchKey(watch),
      UpdateExpression: 'SET nextCheckAt = :lease, gsi1sk = :due, reportAttempts = reportAttempts + :one',
      ConditionExpression: '#status = :reporting AND nextCheckAt <= :now',
      ExpressionAttributeNames: STATUS,
      ExpressionAttributeValues: { ...values, ':now': iso(now) },
    });
  }

  async finish(watch: SnapshotKey, now: Date, error?: string): Promise<void> {
    await this.table.update({
      Key: watchKey(watch),
      UpdateExpression: `SET #status = :done, doneAt = :now${error === undefined ? '' : ', lastError = :error'} REMOVE nextCheckAt, gsi1pk, gsi1sk`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: STATUS,
      ExpressionAttributeValues: {
        ':done': 'done',
        ':now': iso(now),
        ...(error === undefined ? {} : { ':error': error.slice(0, 2000) }),
      },
    });
  }

  async recordReportFailure(watch: SnapshotKey, error: string): Promise<void> {
    await this.table.update({
      Key: watchKey(watch),
      UpdateExpression: 'SET lastError = :error',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':error': error.slice(0, 2000) },
    });
  }

  /** Every watch not done is in SNAP#DUE (watching or reporting): the list's size is the count. */
  countActive(): Promise<number> {
    return this.table.count({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': SNAPSHOTS_DUE },
    });
  }
}
