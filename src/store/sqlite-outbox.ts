import type Database from 'better-sqlite3';
import type { IncidentManagerWrite } from '../incident-manager/index.ts';
import type { OutboxItem } from './outbox.ts';

export interface OutboxRow {
  id: number;
  incident_seq: number;
  payload: string;
  status: OutboxItem['status'];
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    incidentSeq: row.incident_seq,
    write: JSON.parse(row.payload) as IncidentManagerWrite,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error ?? undefined,
  };
}

/** The outbox table; call `enqueue` inside the transaction of the change it belongs to. */
export class SqliteOutbox {
  constructor(private readonly db: Database.Database) {}

  enqueue(seq: number, writes: readonly IncidentManagerWrite[], now: Date): void {
    const insert = this.db.prepare(
      'INSERT INTO outbox (incident_seq, created_at, payload, next_attempt_at) VALUES (?, ?, ?, ?)',
    );
    for (const write of writes) insert.run(seq, now.toISOString(), JSON.stringify(write), now.toISOString());
  }

  listDue(now: Date, limit: number): OutboxItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`)
      .all(now.toISOString(), limit) as OutboxRow[];
    return rows.map(toOutboxItem);
  }

  /** Everything not yet done for an incident: what `/incident show` reports. */
  listUnfinished(seq: number): OutboxItem[] {
    const rows = this.db
      .prepare(`SELECT * FROM outbox WHERE incident_seq = ? AND status != 'done' ORDER BY id`)
      .all(seq) as OutboxRow[];
    return rows.map(toOutboxItem);
  }

  complete(id: number, now: Date): void {
    this.db
      .prepare(
        `UPDATE outbox SET status = 'done', done_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`,
      )
      .run(now.toISOString(), id);
  }

  fail(id: number, error: string, retryAt: Date | undefined): void {
    this.db
      .prepare(
        `UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?`,
      )
      .run(error.slice(0, 1000), retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, id);
  }
}
