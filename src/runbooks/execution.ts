import type { AutomationStep } from '../aws/automation-port.ts';

/** SSM statuses after which an execution changes no more (AWS-NOTES §2.2). */
const FINAL = new Set([
  'Success',
  'Failed',
  'Cancelled',
  'TimedOut',
  'CompletedWithSuccess',
  'CompletedWithFailure',
  'Rejected',
  'ChangeCalendarOverrideRejected',
  'Exited',
]);

export function isFinalStatus(status: string): boolean {
  return FINAL.has(status);
}

/** A runbook execution warroom started and follows, as stored. */
export interface RunbookExecution {
  /** SSM's AutomationExecutionId (36 characters). */
  executionId: string;
  incidentSeq: number;
  runbookId: string;
  document: string;
  clientToken: string;
  requestedBy: string;
  /** The second person, for a two-person runbook. */
  approvedBy?: string;
  parameters: Record<string, string[]>;
  /** SSM's AutomationExecutionStatus as last seen. */
  status: string;
  /** Every step: those SSM reported, then the document's steps not started yet (status Pending). */
  steps: AutomationStep[];
  failureMessage?: string;
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date;
  stopRequestedBy?: string;
  /** Bumped on every change; the thread message is re-rendered until it shows this version. */
  version: number;
  renderedVersion: number;
  /** The thread message: in the card's channel, under the card. */
  threadChannel?: string;
  threadTs?: string;
  /** When to look again; undefined once finished and shown. */
  nextPollAt?: Date;
  pollIntervalMs: number;
}

/**
 * The steps to show: what SSM reported, followed by the document's remaining steps as Pending, so
 * the thread message lists the whole plan from the first poll on.
 */
export function mergeSteps(
  reported: readonly AutomationStep[],
  planned: ReadonlyArray<{ name: string; action: string }>,
): AutomationStep[] {
  const seen = new Set(reported.map((step) => step.name));
  const rest = planned
    .filter((step) => !seen.has(step.name))
    .map((step) => ({ name: step.name, action: step.action, status: 'Pending' }));
  return [...reported, ...rest];
}
