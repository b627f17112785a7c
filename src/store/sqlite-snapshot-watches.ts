import type Database from 'better-sqlite3';
import type {
  NewSnapshotWatch,
  SnapshotKey,
  SnapshotOutcome,
  SnapshotWatchRecord,
  SnapshotWatchStore,
} from './snapshot-watch-store.ts';

export interface WatchRow {
  kind: SnapshotKey['kind'];
  snapshot_id: string;
  incident_seq: number;
  source_id: string;
  started_by: string;
  started_at: string;
  status: SnapshotWatchRecord['status'];
  next_check_at: string | null;
  delay_ms: number;
  attempts: number;
  outcome: string | null;
  report_attempts: number;
}

export function toWatch(row: WatchRow): SnapshotWatchRecord {
  return {
    kind: row.kind,
    snapshotId: row.snapshot_id,
    seq: row.incident_seq,
    sourceId: row.source_id,
    startedBy: row.started_by,
    startedAt: new Date(row.started_at),
    status: row.status,
    nextCheckAt: row.next_check_at === null ? undefined : new Date(row.next_check_at),
    delayMs: row.delay_ms,
    attempts: row.attempts,
    outcome: row.outcome === null ? undefined : (JSON.parse(row.outcome) as SnapshotOutcome),
    reportAttempts: row.report_attempts,
  };
}

const WHERE_KEY = 'kind = @kind AND snapshot_id = @snapshotId';
const key = ({ kind, snapshotId }: SnapshotKey) => ({ kind, snapshotId });

/** The snapshot_watches table. Each statement is atomic on its own; the claim is one UPDATE. */
export class SqliteSnapshotWatches implements SnapshotWatchStore {
  constructor(private readonly db: Database.Database) {}

  async add(watch: NewSnapshotWatch): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO snapshot_watches (kind, snapshot_id, incident_seq, source_id, started_by, started_at,
           next_check_at, delay_ms)
         VALUES (@kind, @snapshotId, @seq, @sourceId, @startedBy, @startedAt, @nextCheckAt, @delayMs)
         ON CONFLICT (kind, snapshot_id) DO NOTHING`,
      )
      .run({
        ...key(watch),
        seq: watch.seq,
        sourceId: watch.sourceId,
        startedBy: watch.startedBy,
        startedAt: watch.startedAt.toISOString(),
        nextCheckAt: watch.nextCheckAt.toISOString(),
        delayMs: watch.delayMs,
      });
    return result.changes === 1;
  }

  async get(watch: SnapshotKey): Promise<SnapshotWatchRecord | undefined> {
    const row = this.db.prepare(`SELECT * FROM snapshot_watches WHERE ${WHERE_KEY}`).get(key(watch));
    return row ? toWatch(row as WatchRow) : undefined;
  }

  async listDue(now: Date, limit: number): Promise<SnapshotWatchRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM snapshot_watches WHERE status IN ('watching', 'reporting') AND next_check_at <= ?
         ORDER BY next_check_at LIMIT ?`,
      )
      .all(now.toISOString(), limit);
    return (rows as WatchRow[]).map(toWatch);
  }

  async recordLook(watch: SnapshotKey, next: Date, delayMs: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE snapshot_watches SET next_check_at = @next, delay_ms = @delayMs, attempts = attempts + 1
         WHERE ${WHERE_KEY} AND status = 'watching'`,
      )
      .run({ ...key(watch), next: next.toISOString(), delayMs });
  }

  async claimReport(watch: SnapshotKey, outcome: SnapshotOutcome, now: Date, leaseUntil: Date) {
    const result = this.db
      .prepare(
        `UPDATE snapshot_watches
         SET status = 'reporting', outcome = COALESCE(outcome, @outcome), next_check_at = @leaseUntil,
           report_attempts = report_attempts + 1, attempts = attempts + (status = 'watching')
         WHERE ${WHERE_KEY} AND (status = 'watching' OR (status = 'reporting' AND next_check_at <= @now))`,
      )
      .run({
        ...key(watch),
        outcome: JSON.stringify(outcome),
        now: now.toISOString(),
        leaseUntil: leaseUntil.toISOString(),
      });
    return result.changes === 1;
  }

  async finish(watch: SnapshotKey, now: Date, error?: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE snapshot_watches SET status = 'done', next_check_at = NULL, done_at = @now,
           last_error = COALESCE(@error, last_error)
         WHERE ${WHERE_KEY}`,
      )
      .run({ ...key(watch), now: now.toISOString(), error: error ?? null });
  }

  async recordReportFailure(watch: SnapshotKey, error: string): Promise<void> {
    this.db
      .prepare(`UPDATE snapshot_watches SET last_error = @error WHERE ${WHERE_KEY}`)
      .run({ ...key(watch), error });
  }

  async countActive(): Promise<number> {
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM snapshot_watches WHERE status != 'done'`).get();
    return (row as { n: number }).n;
  }
}
