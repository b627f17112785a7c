import type { IncidentManagerWrite } from '../../incident-manager/index.ts';
import type { TimelineEntry } from '../../incidents/index.ts';
import type { RunbookExecution, RunbookRequest } from '../../runbooks/index.ts';
import type { ExecutionProgress, RunbookStore } from '../runbook-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { DynamoDbExecutions } from './dynamodb-executions.ts';
import type { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { type Decision, DynamoDbRequests } from './dynamodb-requests.ts';

/**
 * Runbook executions and requests on the one table (docs/store.md): each change, its timeline entry
 * and its Incident Manager writes go in one transaction, as SqliteRunbooks does them in one SQL
 * transaction. The changes themselves are SqliteExecutions' and SqliteRequests' updates.
 */
export class DynamoDbRunbooks implements RunbookStore {
  private readonly executions: DynamoDbExecutions;
  private readonly requests: DynamoDbRequests;

  constructor(table: DynamoTable, incidents: DynamoDbIncidents) {
    this.executions = new DynamoDbExecutions(table, incidents);
    this.requests = new DynamoDbRequests(table, incidents);
  }

  getExecution(executionId: string): Promise<RunbookExecution | undefined> {
    return this.executions.get(executionId);
  }

  findExecutionByToken(clientToken: string): Promise<RunbookExecution | undefined> {
    return this.executions.findByToken(clientToken);
  }

  listExecutions(incidentSeq: number): Promise<RunbookExecution[]> {
    return this.executions.listForIncident(incidentSeq);
  }

  listDueExecutions(now: Date, limit: number): Promise<RunbookExecution[]> {
    return this.executions.listDue(now, limit);
  }

  recordExecutionStarted(
    execution: RunbookExecution,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[],
  ): Promise<{ execution: RunbookExecution; created: boolean }> {
    return this.executions.recordStarted(execution, entry, extraWrites);
  }

  recordExecutionProgress(
    executionId: string,
    progress: ExecutionProgress,
    next: { at: Date | undefined; intervalMs: number },
  ): Promise<RunbookExecution | undefined> {
    const { entry, ...seen } = progress;
    return this.executions.change(
      executionId,
      (current) => ({
        ...current,
        ...seen,
        updatedAt: entry?.at ?? current.updatedAt,
        nextPollAt: next.at,
        pollIntervalMs: next.intervalMs,
        version: current.version + 1,
      }),
      entry,
    );
  }

  async scheduleExecutionPoll(executionId: string, at: Date | undefined, intervalMs: number): Promise<void> {
    await this.executions.change(executionId, (current) => ({
      ...current,
      nextPollAt: at,
      pollIntervalMs: intervalMs,
    }));
  }

  async recordStopRequested(executionId: string, entry: TimelineEntry): Promise<void> {
    await this.executions.change(
      executionId,
      (current) => ({
        ...current,
        stopRequestedBy: entry.actor,
        nextPollAt: entry.at,
        version: current.version + 1,
      }),
      entry,
    );
  }

  /** The message shows `version`; a finished execution shown in full needs no more polls. */
  async recordExecutionMessage(executionId: string, channel: string, ts: string, version: number) {
    await this.executions.change(executionId, (current) => ({
      ...current,
      threadChannel: channel,
      threadTs: ts,
      renderedVersion: Math.max(current.renderedVersion, version),
      nextPollAt: current.finishedAt && version >= current.version ? undefined : current.nextPollAt,
    }));
  }

  createRequest(
    request: RunbookRequest,
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; created: boolean }> {
    return this.requests.create(request, entry);
  }

  getRequest(id: string): Promise<RunbookRequest | undefined> {
    return this.requests.get(id);
  }

  decideRequest(
    id: string,
    decision: Decision,
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; decided: boolean } | undefined> {
    return this.requests.decide(id, decision, entry);
  }

  listRequestsNeedingWork(now: Date, limit: number): Promise<RunbookRequest[]> {
    return this.requests.listNeedingWork(now, limit);
  }

  async recordRequestMessage(id: string, channel: string, ts: string, version: number): Promise<void> {
    await this.requests.change(id, (current) => ({
      ...current,
      threadChannel: channel,
      threadTs: ts,
      renderedVersion: Math.max(current.renderedVersion, version),
    }));
  }

  async recordRequestExecution(id: string, executionId: string): Promise<void> {
    await this.requests.change(id, (current) => ({
      ...current,
      executionId,
      version: current.version + 1,
    }));
  }
}
