import type Database from 'better-sqlite3';
import { type IncidentManagerWrite, incidentManagerWrites } from '../incident-manager/index.ts';
import type { TimelineEntry } from '../incidents/index.ts';
import type { RunbookExecution, RunbookRequest } from '../runbooks/index.ts';
import type { ExecutionProgress, RunbookStore } from './runbook-store.ts';
import { SqliteExecutions } from './sqlite-executions.ts';
import { SqliteIncidents } from './sqlite-incidents.ts';
import { SqliteOutbox } from './sqlite-outbox.ts';
import { SqliteRequests } from './sqlite-requests.ts';

/**
 * Runbook executions and requests in the same SQLite file as incidents: a state change, its
 * timeline entry and its Incident Manager writes commit together or not at all.
 */
export class SqliteRunbooks implements RunbookStore {
  private readonly executions: SqliteExecutions;
  private readonly requests: SqliteRequests;
  private readonly incidents: SqliteIncidents;
  private readonly outbox: SqliteOutbox;

  constructor(private readonly db: Database.Database) {
    this.executions = new SqliteExecutions(db);
    this.requests = new SqliteRequests(db);
    this.incidents = new SqliteIncidents(db);
    this.outbox = new SqliteOutbox(db);
  }

  /** Inside a transaction: the entry once (by dedupe key), with what Incident Manager must be told. */
  private appendTimeline(seq: number, entry: TimelineEntry, extra: readonly IncidentManagerWrite[] = []) {
    const incident = this.incidents.get(seq);
    if (!incident || !this.incidents.insertTimeline(seq, entry)) return;
    this.outbox.enqueue(seq, [...incidentManagerWrites(incident, incident, entry), ...extra], entry.at);
  }

  async getExecution(executionId: string) {
    return this.executions.get(executionId);
  }

  async findExecutionByToken(clientToken: string) {
    return this.executions.findByToken(clientToken);
  }

  async listExecutions(incidentSeq: number) {
    return this.executions.listForIncident(incidentSeq);
  }

  async listDueExecutions(now: Date, limit: number) {
    return this.executions.listDue(now, limit);
  }

  async recordExecutionStarted(
    execution: RunbookExecution,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[],
  ) {
    return this.db.transaction(() => {
      const existing =
        this.executions.get(execution.executionId) ?? this.executions.findByToken(execution.clientToken);
      if (existing) return { execution: existing, created: false };
      this.executions.insert(execution);
      this.appendTimeline(execution.incidentSeq, entry, extraWrites);
      return { execution: this.executions.get(execution.executionId) as RunbookExecution, created: true };
    })();
  }

  async recordExecutionProgress(
    executionId: string,
    progress: ExecutionProgress,
    next: { at: Date | undefined; intervalMs: number },
  ) {
    return this.db.transaction(() => {
      const current = this.executions.get(executionId);
      if (!current) return undefined;
      const { entry, ...seen } = progress;
      this.executions.update({
        ...current,
        ...seen,
        updatedAt: entry?.at ?? current.updatedAt,
        nextPollAt: next.at,
        pollIntervalMs: next.intervalMs,
      });
      if (entry) this.appendTimeline(current.incidentSeq, entry);
      return this.executions.get(executionId);
    })();
  }

  async scheduleExecutionPoll(executionId: string, at: Date | undefined, intervalMs: number) {
    this.executions.schedule(executionId, at, intervalMs);
  }

  async recordStopRequested(executionId: string, entry: TimelineEntry) {
    this.db.transaction(() => {
      const current = this.executions.get(executionId);
      if (!current) return;
      this.executions.update({ ...current, stopRequestedBy: entry.actor, nextPollAt: entry.at });
      this.appendTimeline(current.incidentSeq, entry);
    })();
  }

  async recordExecutionMessage(executionId: string, channel: string, ts: string, version: number) {
    this.executions.recordMessage(executionId, channel, ts, version);
  }

  async createRequest(request: RunbookRequest, entry: TimelineEntry) {
    return this.db.transaction(() => {
      const created = this.requests.insert(request);
      if (created) this.appendTimeline(request.incidentSeq, entry);
      return { request: this.requests.get(request.id) as RunbookRequest, created };
    })();
  }

  async getRequest(id: string) {
    return this.requests.get(id);
  }

  async decideRequest(
    id: string,
    decision: { status: 'approved' | 'rejected' | 'expired'; by?: string; at: Date },
    entry: TimelineEntry,
  ) {
    return this.db.transaction(() => {
      const decided = this.requests.decide(id, decision);
      const request = this.requests.get(id);
      if (!request) return undefined;
      if (decided) this.appendTimeline(request.incidentSeq, entry);
      return { request, decided };
    })();
  }

  async listRequestsNeedingWork(now: Date, limit: number) {
    return this.requests.listNeedingWork(now, limit);
  }

  async recordRequestMessage(id: string, channel: string, ts: string, version: number) {
    this.requests.recordMessage(id, channel, ts, version);
  }

  async recordRequestExecution(id: string, executionId: string) {
    this.requests.recordExecution(id, executionId);
  }
}
