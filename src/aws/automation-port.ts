/** A runbook document as warroom uses it: which parameters exist, which are required, its steps. */
export interface RunbookDocument {
  name: string;
  parameters: Array<{
    name: string;
    type: 'String' | 'StringList';
    /** SSM treats a parameter without a default as required. */
    required: boolean;
    defaultValue?: string;
    description?: string;
  }>;
  /** mainSteps in order; empty when the document's content could not be read. */
  steps: Array<{ name: string; action: string }>;
}

/** One step of an execution as GetAutomationExecution reports it. */
export interface AutomationStep {
  name: string;
  action?: string;
  status: string;
  failureMessage?: string;
}

/** Where an execution is now. `status` is SSM's AutomationExecutionStatus. */
export interface AutomationSnapshot {
  status: string;
  steps: AutomationStep[];
  failureMessage?: string;
}

/** An execution SSM reports as not finished yet. */
export interface RunningExecution {
  executionId: string;
  status: string;
  startedAt?: Date;
  parameters: Record<string, string[]>;
}

/**
 * A StartAutomationExecution whose outcome is unknown: the request went out and no answer came
 * back (a reset, a timeout, an HTTP 5xx), so the execution may have started.
 */
export const START_UNCONFIRMED = 'AWS.UNCONFIRMED';

/** SSM Automation, as the runbook use cases need it. Throws BotError `AWS.*`. */
export interface AutomationRunner {
  describeDocument(name: string): Promise<RunbookDocument>;
  /**
   * Starts an execution; the same client token (a 36-character UUID) returns the same id. When
   * SSM's answer is lost (even after the SDK's retries with the same token) it throws
   * START_UNCONFIRMED, never a plain failure: the execution may be running.
   */
  start(input: {
    document: string;
    parameters: Record<string, string[]>;
    clientToken: string;
  }): Promise<string>;
  get(executionId: string): Promise<AutomationSnapshot>;
  /** Executions of exactly this document that have not finished, newest first, with their parameters. */
  listRunning(document: string): Promise<RunningExecution[]>;
  /** Cancels a running execution (StopAutomationExecution Type=Cancel). */
  stop(executionId: string): Promise<void>;
}

/** The identifiers of an RDS resource that runbooks take besides its name. */
export interface RdsResourceIds {
  arn?: string;
  /** DbiResourceId for an instance, DbClusterResourceId for a cluster. */
  resourceId?: string;
}

export interface RdsResourceReader {
  describe(kind: 'rds-instance' | 'rds-cluster', id: string): Promise<RdsResourceIds>;
}
