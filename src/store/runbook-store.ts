import type { IncidentManagerWrite } from '../incident-manager/index.ts';
import type { TimelineEntry } from '../incidents/index.ts';
import type { RunbookExecution, RunbookRequest } from '../runbooks/index.ts';

/** A change to an execution seen by a poll; `entry` goes on the timeline with it (status changes). */
export interface ExecutionProgress {
  status: string;
  steps: RunbookExecution['steps'];
  failureMessage?: string;
  finishedAt?: Date;
  entry?: TimelineEntry;
}

/**
 * Runbook executions and two-person requests. Each method is atomic; those that take a timeline
 * entry write it (and its Incident Manager writes, plus `extraWrites`) in the same transaction.
 */
export interface RunbookStore {
  getExecution(executionId: string): Promise<RunbookExecution | undefined>;
  findExecutionByToken(clientToken: string): Promise<RunbookExecution | undefined>;
  listExecutions(incidentSeq: number): Promise<RunbookExecution[]>;
  /** Executions whose poll is due or whose thread message is behind, oldest first. */
  listDueExecutions(now: Date, limit: number): Promise<RunbookExecution[]>;
  /** Records a started execution once: a second call with the same id or token answers created: false. */
  recordExecutionStarted(
    execution: RunbookExecution,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[],
  ): Promise<{ execution: RunbookExecution; created: boolean }>;
  /** Applies a poll's result (bumping the version) and schedules the next poll. */
  recordExecutionProgress(
    executionId: string,
    progress: ExecutionProgress,
    next: { at: Date | undefined; intervalMs: number },
  ): Promise<RunbookExecution | undefined>;
  /** Only moves the next poll (nothing changed). */
  scheduleExecutionPoll(executionId: string, at: Date | undefined, intervalMs: number): Promise<void>;
  recordStopRequested(executionId: string, entry: TimelineEntry): Promise<void>;
  recordExecutionMessage(executionId: string, channel: string, ts: string, version: number): Promise<void>;

  createRequest(
    request: RunbookRequest,
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; created: boolean }>;
  getRequest(id: string): Promise<RunbookRequest | undefined>;
  /**
   * Decides a pending request if it is still pending and unexpired at `now`; answers the request as
   * it is afterwards and whether this call decided it.
   */
  decideRequest(
    id: string,
    decision: { status: 'approved' | 'rejected' | 'expired'; by?: string; at: Date },
    entry: TimelineEntry,
  ): Promise<{ request: RunbookRequest; decided: boolean } | undefined>;
  /** Requests whose message is behind, or pending ones past their expiry. */
  listRequestsNeedingWork(now: Date, limit: number): Promise<RunbookRequest[]>;
  recordRequestMessage(id: string, channel: string, ts: string, version: number): Promise<void>;
  recordRequestExecution(id: string, executionId: string): Promise<void>;
}
