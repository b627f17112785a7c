import type Database from 'better-sqlite3';
import type { RunbookRequest } from '../runbooks/index.ts';

export interface RequestRow {
  id: string;
  incident_seq: number;
  runbook_id: string;
  requested_by: string;
  overrides: string;
  parameters: string;
  status: RunbookRequest['status'];
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  expires_at: string;
  execution_id: string | null;
  version: number;
  rendered_version: number;
  thread_channel: string | null;
  thread_ts: string | null;
}

export function toRequest(row: RequestRow): RunbookRequest {
  return {
    id: row.id,
    incidentSeq: row.incident_seq,
    runbookId: row.runbook_id,
    requestedBy: row.requested_by,
    overrides: JSON.parse(row.overrides) as Record<string, string>,
    parameters: JSON.parse(row.parameters) as Record<string, string[]>,
    status: row.status,
    decidedBy: row.decided_by ?? undefined,
    decidedAt: row.decided_at === null ? undefined : new Date(row.decided_at),
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    executionId: row.execution_id ?? undefined,
    version: row.version,
    renderedVersion: row.rendered_version,
    threadChannel: row.thread_channel ?? undefined,
    threadTs: row.thread_ts ?? undefined,
  };
}

/** The runbook_requests table (two-person approvals); transactions live in SqliteRunbooks. */
export class SqliteRequests {
  constructor(private readonly db: Database.Database) {}

  get(id: string): RunbookRequest | undefined {
    const row = this.db.prepare('SELECT * FROM runbook_requests WHERE id = ?').get(id);
    return row ? toRequest(row as RequestRow) : undefined;
  }

  /** Inserts unless the id exists; answers whether it was inserted. */
  insert(r: RunbookRequest): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO runbook_requests (id, incident_seq, runbook_id, requested_by, overrides, parameters,
           status, created_at, expires_at, version, rendered_version)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, 1, 0) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        r.id,
        r.incidentSeq,
        r.runbookId,
        r.requestedBy,
        JSON.stringify(r.overrides),
        JSON.stringify(r.parameters),
        r.createdAt.toISOString(),
        r.expiresAt.toISOString(),
      );
    return result.changes === 1;
  }

  /** Decides it only while pending (and, for approvals and rejections, unexpired). */
  decide(
    id: string,
    decision: { status: 'approved' | 'rejected' | 'expired'; by?: string; at: Date },
  ): boolean {
    const at = decision.at.toISOString();
    const result = this.db
      .prepare(
        `UPDATE runbook_requests SET status = ?, decided_by = ?, decided_at = ?, version = version + 1
         WHERE id = ? AND status = 'pending' AND (? = 'expired' OR expires_at > ?)`,
      )
      .run(decision.status, decision.by ?? null, at, id, decision.status, at);
    return result.changes === 1;
  }

  listNeedingWork(now: Date, limit: number): RunbookRequest[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runbook_requests
         WHERE (status = 'pending' AND expires_at <= ?) OR thread_ts IS NULL OR rendered_version < version
         ORDER BY created_at LIMIT ?`,
      )
      .all(now.toISOString(), limit) as RequestRow[];
    return rows.map(toRequest);
  }

  recordMessage(id: string, channel: string, ts: string, version: number): void {
    this.db
      .prepare(
        `UPDATE runbook_requests SET thread_channel = ?, thread_ts = ?, rendered_version = MAX(rendered_version, ?)
         WHERE id = ?`,
      )
      .run(channel, ts, version, id);
  }

  recordExecution(id: string, executionId: string): void {
    this.db
      .prepare('UPDATE runbook_requests SET execution_id = ?, version = version + 1 WHERE id = ?')
      .run(executionId, id);
  }
}
