import type Database from 'better-sqlite3';
import type { AutomationStep } from '../aws/automation-port.ts';
import type { RunbookExecution } from '../runbooks/index.ts';

export interface ExecutionRow {
  execution_id: string;
  incident_seq: number;
  runbook_id: string;
  document: string;
  client_token: string;
  requested_by: string;
  approved_by: string | null;
  parameters: string;
  status: string;
  steps: string;
  failure_message: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  stop_requested_by: string | null;
  version: number;
  rendered_version: number;
  thread_channel: string | null;
  thread_ts: string | null;
  next_poll_at: string | null;
  poll_interval_ms: number;
}

const date = (value: string | null) => (value === null ? undefined : new Date(value));

export function toExecution(row: ExecutionRow): RunbookExecution {
  return {
    executionId: row.execution_id,
    incidentSeq: row.incident_seq,
    runbookId: row.runbook_id,
    document: row.document,
    clientToken: row.client_token,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by ?? undefined,
    parameters: JSON.parse(row.parameters) as Record<string, string[]>,
    status: row.status,
    steps: JSON.parse(row.steps) as AutomationStep[],
    failureMessage: row.failure_message ?? undefined,
    startedAt: new Date(row.started_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: date(row.finished_at),
    stopRequestedBy: row.stop_requested_by ?? undefined,
    version: row.version,
    renderedVersion: row.rendered_version,
    threadChannel: row.thread_channel ?? undefined,
    threadTs: row.thread_ts ?? undefined,
    nextPollAt: date(row.next_poll_at),
    pollIntervalMs: row.poll_interval_ms,
  };
}

/** The runbook_executions table; the transactions around it live in SqliteRunbooks. */
export class SqliteExecutions {
  constructor(private readonly db: Database.Database) {}

  get(executionId: string): RunbookExecution | undefined {
    const row = this.db.prepare('SELECT * FROM runbook_executions WHERE execution_id = ?').get(executionId);
    return row ? toExecution(row as ExecutionRow) : undefined;
  }

  findByToken(clientToken: string): RunbookExecution | undefined {
    const row = this.db.prepare('SELECT * FROM runbook_executions WHERE client_token = ?').get(clientToken);
    return row ? toExecution(row as ExecutionRow) : undefined;
  }

  listForIncident(seq: number): RunbookExecution[] {
    const rows = this.db
      .prepare('SELECT * FROM runbook_executions WHERE incident_seq = ? ORDER BY started_at')
      .all(seq) as ExecutionRow[];
    return rows.map(toExecution);
  }

  listDue(now: Date, limit: number): RunbookExecution[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runbook_executions
         WHERE next_poll_at <= ? OR ((thread_ts IS NULL OR rendered_version < version) AND next_poll_at IS NOT NULL)
         ORDER BY next_poll_at LIMIT ?`,
      )
      .all(now.toISOString(), limit) as ExecutionRow[];
    return rows.map(toExecution);
  }

  insert(e: RunbookExecution): void {
    this.db
      .prepare(
        `INSERT INTO runbook_executions (execution_id, incident_seq, runbook_id, document, client_token,
           requested_by, approved_by, parameters, status, steps, started_at, updated_at, version,
           rendered_version, next_poll_at, poll_interval_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(
        e.executionId,
        e.incidentSeq,
        e.runbookId,
        e.document,
        e.clientToken,
        e.requestedBy,
        e.approvedBy ?? null,
        JSON.stringify(e.parameters),
        e.status,
        JSON.stringify(e.steps),
        e.startedAt.toISOString(),
        e.updatedAt.toISOString(),
        e.version,
        e.nextPollAt?.toISOString() ?? null,
        e.pollIntervalMs,
      );
  }

  /** Writes what a poll saw and bumps the version, so the thread message follows. */
  update(e: RunbookExecution): void {
    this.db
      .prepare(
        `UPDATE runbook_executions SET status = ?, steps = ?, failure_message = ?, finished_at = ?,
           stop_requested_by = ?, updated_at = ?, version = version + 1, next_poll_at = ?, poll_interval_ms = ?
         WHERE execution_id = ?`,
      )
      .run(
        e.status,
        JSON.stringify(e.steps),
        e.failureMessage ?? null,
        e.finishedAt?.toISOString() ?? null,
        e.stopRequestedBy ?? null,
        e.updatedAt.toISOString(),
        e.nextPollAt?.toISOString() ?? null,
        e.pollIntervalMs,
        e.executionId,
      );
  }

  schedule(executionId: string, at: Date | undefined, intervalMs: number): void {
    this.db
      .prepare('UPDATE runbook_executions SET next_poll_at = ?, poll_interval_ms = ? WHERE execution_id = ?')
      .run(at?.toISOString() ?? null, intervalMs, executionId);
  }

  /** The message shows `version`; a finished execution shown in full needs no more polls. */
  recordMessage(executionId: string, channel: string, ts: string, version: number): void {
    this.db
      .prepare(
        `UPDATE runbook_executions SET thread_channel = ?, thread_ts = ?, rendered_version = MAX(rendered_version, ?),
           next_poll_at = CASE WHEN finished_at IS NOT NULL AND ? >= version THEN NULL ELSE next_poll_at END
         WHERE execution_id = ?`,
      )
      .run(channel, ts, version, version, executionId);
  }
}
