import type { Clock } from '../../../../clock.ts';
import { IdempotencyCache } from '../idempotency-cache.ts';
import { loadAwsRunbooks, type Runbook } from './runbook-catalog.ts';

export interface PlannedStepFailure {
  /** Only executions of this document; any document when absent. */
  documentName?: string;
  stepName: string;
  failureMessage: string;
}

export interface AutomationExecutionRecord {
  id: string;
  runbook: Runbook;
  parameters: Record<string, string[]>;
  mode: 'Auto' | 'Interactive';
  startTime: Date;
  /** One id per step, fixed at start so repeated reads agree. */
  stepExecutionIds: string[];
  failure?: { stepName: string; failureMessage: string };
  stoppedAt?: Date;
}

/** SSM documents (the AWS-managed runbooks) and automation executions. */
export class SsmState {
  readonly documents = new Map<string, Runbook>();
  readonly executions = new Map<string, AutomationExecutionRecord>();
  readonly idempotency = new IdempotencyCache();
  readonly executedBy: string;
  private readonly plannedFailures: PlannedStepFailure[] = [];

  constructor(env: { accountId: string; clock: Clock }) {
    for (const runbook of loadAwsRunbooks()) this.documents.set(runbook.name, runbook);
    this.executedBy = `arn:aws:iam::${env.accountId}:user/warroom-emulator`;
  }

  /** Adds (or replaces) a document, e.g. a custom runbook. */
  addDocument(runbook: Runbook): void {
    this.documents.set(runbook.name, runbook);
  }

  /** The next execution started (of `documentName`, if given) fails at `stepName` with this message. */
  failNextExecution(failure: PlannedStepFailure): void {
    this.plannedFailures.push(failure);
  }

  takePlannedFailure(documentName: string): PlannedStepFailure | undefined {
    const index = this.plannedFailures.findIndex(
      (failure) => failure.documentName === undefined || failure.documentName === documentName,
    );
    return index < 0 ? undefined : this.plannedFailures.splice(index, 1)[0];
  }
}
