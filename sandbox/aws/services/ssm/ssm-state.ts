import type { Clock } from '../../../../src/clock.ts';
import { IdempotencyCache } from '../idempotency-cache.ts';
import type { RdsState } from '../rds/rds-state.ts';
import type { OpsItemRecord } from './ops-items.ts';
import { loadAwsRunbooks, type Runbook } from './runbook-catalog.ts';
import { settleAutomations } from './settle-automations.ts';

export interface PlannedStepFailure {
  /** Only executions of this document; any document when absent. */
  documentName?: string;
  stepName: string;
  failureMessage: string;
}

export interface AutomationExecutionRecord {
  id: string;
  /** The account it runs in: that of the key that started it (a role's, for an AssumeRole key). */
  accountId: string;
  runbook: Runbook;
  parameters: Record<string, string[]>;
  mode: 'Auto' | 'Interactive';
  startTime: Date;
  /** One id per step, fixed at start so repeated reads agree. */
  stepExecutionIds: string[];
  /** Planned (failNextExecution) or found when a step's effect was refused. */
  failure?: { stepName: string; failureMessage: string };
  stoppedAt?: Date;
  /** How far the runbook's effects on RDS have run (settle-automations.ts). */
  effects: { nextStep: number; outputs: Map<string, string> };
}

/**
 * SSM documents (the AWS-managed runbooks) and automation executions. The runbooks of warroom's
 * default catalog change the emulated RDS as their steps run (runbook-effects.ts).
 */
export class SsmState {
  readonly documents = new Map<string, Runbook>();
  readonly executions = new Map<string, AutomationExecutionRecord>();
  readonly idempotency = new IdempotencyCache();
  /** OpsCenter OpsItems by id, each of one account (CreateOpsItem / UpdateOpsItem / GetOpsItem). */
  readonly opsItems = new Map<string, OpsItemRecord>();
  readonly executedBy: string;
  private readonly plannedFailures: PlannedStepFailure[] = [];
  private readonly clock: Clock;

  constructor(
    env: { accountId: string; clock: Clock },
    private readonly rds: RdsState,
  ) {
    for (const runbook of loadAwsRunbooks()) this.documents.set(runbook.name, runbook);
    this.executedBy = `arn:aws:iam::${env.accountId}:user/warroom-emulator`;
    this.clock = env.clock;
    rds.settleWith(() => this.settle());
  }

  /**
   * Runs the runbook step effects and RDS changes due by the clock's now, in time order. Every SSM
   * and RDS handler calls it first; a test reading the state directly calls it (or rds.settle()).
   */
  settle(): void {
    settleAutomations(this.executions, this.rds, this.clock.now());
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
