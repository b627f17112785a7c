import type Database from 'better-sqlite3';
import type { FollowUp, FollowUpStatus, FollowUpStore } from './follow-up-store.ts';

export interface FollowUpRow {
  id: string;
  incident_seq: number;
  title: string;
  owner: string | null;
  due: string | null;
  status: string;
  ops_item_id: string | null;
  created_by: string;
  created_at: string;
  status_at: string;
  done_by: string | null;
  done_at: string | null;
  last_synced_at: string | null;
}

/** A `follow_ups` row as the port's record (also how `store:copy` reads it). */
export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    seq: row.incident_seq,
    title: row.title,
    ...(row.owner !== null ? { owner: row.owner } : {}),
    ...(row.due !== null ? { due: row.due } : {}),
    status: row.status as FollowUpStatus,
    ...(row.ops_item_id !== null ? { opsItemId: row.ops_item_id } : {}),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    statusAt: new Date(row.status_at),
    ...(row.done_by !== null ? { doneBy: row.done_by } : {}),
    ...(row.done_at !== null ? { doneAt: new Date(row.done_at) } : {}),
    ...(row.last_synced_at !== null ? { lastSyncedAt: new Date(row.last_synced_at) } : {}),
  };
}

/** The follow_ups table. */
export class SqliteFollowUps implements FollowUpStore {
  constructor(private readonly db: Database.Database) {}

  async create(followUp: FollowUp, dedupeKey: string): Promise<{ followUp: FollowUp; created: boolean }> {
    const inserted = this.db
      .prepare(
        `INSERT INTO follow_ups (id, incident_seq, dedupe_key, title, owner, due, status, ops_item_id,
           created_by, created_at, status_at, done_by, done_at, last_synced_at)
         VALUES (@id, @seq, @dedupeKey, @title, @owner, @due, @status, @opsItemId, @createdBy,
           @createdAt, @statusAt, @doneBy, @doneAt, @lastSyncedAt)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run({
        id: followUp.id,
        seq: followUp.seq,
        dedupeKey,
        title: followUp.title,
        owner: followUp.owner ?? null,
        due: followUp.due ?? null,
        status: followUp.status,
        opsItemId: followUp.opsItemId ?? null,
        createdBy: followUp.createdBy,
        createdAt: followUp.createdAt.toISOString(),
        statusAt: followUp.statusAt.toISOString(),
        doneBy: followUp.doneBy ?? null,
        doneAt: followUp.doneAt?.toISOString() ?? null,
        lastSyncedAt: followUp.lastSyncedAt?.toISOString() ?? null,
      });
    if (inserted.changes === 1) return { followUp, created: true };
    const row = this.db
      .prepare('SELECT * FROM follow_ups WHERE dedupe_key = ?')
      .get(dedupeKey) as FollowUpRow;
    return { followUp: toFollowUp(row), created: false };
  }

  async get(id: string): Promise<FollowUp | undefined> {
    const row = this.db.prepare('SELECT * FROM follow_ups WHERE id = ?').get(id) as FollowUpRow | undefined;
    return row && toFollowUp(row);
  }

  async listFor(seq: number): Promise<FollowUp[]> {
    const rows = this.db
      .prepare('SELECT * FROM follow_ups WHERE incident_seq = ? ORDER BY created_at, id')
      .all(seq) as FollowUpRow[];
    return rows.map(toFollowUp);
  }

  async listOpen(): Promise<FollowUp[]> {
    const rows = this.db
      .prepare("SELECT * FROM follow_ups WHERE status = 'open' ORDER BY created_at, id")
      .all() as FollowUpRow[];
    return rows.map(toFollowUp);
  }

  async linkOpsItem(id: string, opsItemId: string, at: Date): Promise<FollowUp | undefined> {
    this.db
      .prepare(
        'UPDATE follow_ups SET ops_item_id = ?, last_synced_at = ? WHERE id = ? AND ops_item_id IS NULL',
      )
      .run(opsItemId, at.toISOString(), id);
    return this.get(id);
  }

  async setStatus(
    id: string,
    status: FollowUpStatus,
    by: string | undefined,
    at: Date,
  ): Promise<FollowUp | undefined> {
    const done = status === 'done';
    this.db
      .prepare(
        'UPDATE follow_ups SET status = ?, status_at = ?, done_by = ?, done_at = ?, last_synced_at = NULL WHERE id = ?',
      )
      .run(status, at.toISOString(), done ? (by ?? null) : null, done ? at.toISOString() : null, id);
    return this.get(id);
  }

  async markSynced(id: string, at: Date): Promise<void> {
    this.db.prepare('UPDATE follow_ups SET last_synced_at = ? WHERE id = ?').run(at.toISOString(), id);
  }
}
