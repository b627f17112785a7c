import type { LeaseStore } from '../lease-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { expiresAfterDays, iso, leaseKey } from './keys.ts';

/** Leases (docs/store.md, Claims with leases): one conditional put takes or renews a lease. */
export class DynamoDbLeases implements LeaseStore {
  constructor(private readonly table: DynamoTable) {}

  acquire(key: string, owner: string, now: Date, until: Date): Promise<boolean> {
    return this.table.put(
      // A lease left behind is only clutter once it ran out: TTL takes it away a day later.
      { ...leaseKey(key), owner, leaseUntil: iso(until), expiresAt: expiresAfterDays(until, 1) },
      {
        ConditionExpression: 'attribute_not_exists(pk) OR #owner = :owner OR leaseUntil <= :now',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner, ':now': iso(now) },
      },
    );
  }

  async release(key: string, owner: string): Promise<void> {
    await this.table.delete(leaseKey(key), {
      ConditionExpression: '#owner = :owner',
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: { ':owner': owner },
    });
  }
}
