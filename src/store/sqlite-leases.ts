import type Database from 'better-sqlite3';
import type { LeaseStore } from './lease-store.ts';

/** The leases table: one conditional upsert takes or renews a lease, so two processes never both hold it. */
export class SqliteLeases implements LeaseStore {
  constructor(private readonly db: Database.Database) {}

  async acquire(key: string, owner: string, now: Date, until: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO leases (key, owner, until) VALUES (@key, @owner, @until)
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, until = excluded.until
         WHERE leases.owner = excluded.owner OR leases.until <= @now`,
      )
      .run({ key, owner, until: until.toISOString(), now: now.toISOString() });
    return result.changes === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    this.db.prepare('DELETE FROM leases WHERE key = ? AND owner = ?').run(key, owner);
  }
}
