import {
  DescribeAutomationExecutionsCommand,
  DescribeAutomationStepExecutionsCommand,
  DescribeDocumentCommand,
  GetAutomationExecutionCommand,
  GetDocumentCommand,
  type SSMClient,
  StartAutomationExecutionCommand,
  type StepExecution,
  StopAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import { z } from 'zod';
import { BotError } from '../errors.ts';
import {
  type AutomationRunner,
  type AutomationSnapshot,
  type AutomationStep,
  type RunbookDocument,
  type RunningExecution,
  START_UNCONFIRMED,
} from './automation-port.ts';
import { isUncertainAwsFailure, toAwsBotError } from './aws-error.ts';

/**
 * SSM's statuses of an execution that has not finished (the ExecutionStatus filter takes at most
 * 10 values, which these are). Waiting for approval or a change calendar still counts: it may run.
 */
const UNFINISHED = [
  'Pending',
  'InProgress',
  'Waiting',
  'Cancelling',
  'PendingApproval',
  'Approved',
  'Scheduled',
  'RunbookInProgress',
  'PendingChangeCalendarOverride',
  'ChangeCalendarOverrideApproved',
];

/** More running executions of one document than this are not read one by one (a look, not an audit). */
const MAX_RUNNING_READ = 10;

/** The part of an Automation document's content warroom reads: the names of its main steps. */
const contentSchema = z.object({
  mainSteps: z.array(z.object({ name: z.string(), action: z.string() })).default([]),
});

function toStep(step: StepExecution): AutomationStep {
  return {
    name: step.StepName ?? '?',
    action: step.Action,
    status: step.StepStatus ?? 'Pending',
    failureMessage: step.FailureMessage,
  };
}

/** SSM Automation over the SDK client built once in aws-clients.ts. */
export class AutomationGateway implements AutomationRunner {
  constructor(private readonly client: SSMClient) {}

  async describeDocument(name: string): Promise<RunbookDocument> {
    const output = await this.send('DescribeDocument', () =>
      this.client.send(new DescribeDocumentCommand({ Name: name })),
    );
    const parameters = (output.Document?.Parameters ?? []).map((parameter) => ({
      name: parameter.Name ?? '',
      type: parameter.Type === 'StringList' ? ('StringList' as const) : ('String' as const),
      required: parameter.DefaultValue === undefined,
      defaultValue: parameter.DefaultValue,
      description: parameter.Description,
    }));
    return { name, parameters, steps: await this.readSteps(name) };
  }

  /** DescribeDocument does not list steps; the content (GetDocument) does. Unreadable: no steps. */
  private async readSteps(name: string): Promise<RunbookDocument['steps']> {
    try {
      const output = await this.client.send(new GetDocumentCommand({ Name: name, DocumentFormat: 'JSON' }));
      const parsed = contentSchema.safeParse(JSON.parse(output.Content ?? '{}'));
      return parsed.success ? parsed.data.mainSteps : [];
    } catch {
      // Steps are shown for information only; a role without ssm:GetDocument still runs runbooks.
      return [];
    }
  }

  async start(input: {
    document: string;
    parameters: Record<string, string[]>;
    clientToken: string;
  }): Promise<string> {
    let output: { AutomationExecutionId?: string };
    try {
      // The SDK retries a reset or a 5xx with this same request: the ClientToken makes that safe.
      output = await this.client.send(
        new StartAutomationExecutionCommand({
          DocumentName: input.document,
          Parameters: Object.keys(input.parameters).length > 0 ? input.parameters : undefined,
          ClientToken: input.clientToken,
        }),
      );
    } catch (error) {
      const coded = toAwsBotError(error, 'Systems Manager', 'StartAutomationExecution');
      if (!isUncertainAwsFailure(error)) throw coded;
      throw new BotError(
        START_UNCONFIRMED,
        `Systems Manager did not answer whether it started ${input.document}; it may be running.`,
        { cause: error, detail: coded.message },
      );
    }
    if (!output.AutomationExecutionId)
      throw toAwsBotError(new Error('no execution id'), 'Systems Manager', 'StartAutomationExecution');
    return output.AutomationExecutionId;
  }

  async get(executionId: string): Promise<AutomationSnapshot> {
    const output = await this.send('GetAutomationExecution', () =>
      this.client.send(new GetAutomationExecutionCommand({ AutomationExecutionId: executionId })),
    );
    const execution = output.AutomationExecution;
    let steps = (execution?.StepExecutions ?? []).map(toStep);
    if (execution?.StepExecutionsTruncated) steps = await this.allSteps(executionId);
    return {
      status: execution?.AutomationExecutionStatus ?? 'Pending',
      steps,
      failureMessage: execution?.FailureMessage,
    };
  }

  /** Every step, page by page, when GetAutomationExecution cut the list short. */
  private async allSteps(executionId: string): Promise<AutomationStep[]> {
    const steps: AutomationStep[] = [];
    let token: string | undefined;
    do {
      const page = await this.send('DescribeAutomationStepExecutions', () =>
        this.client.send(
          new DescribeAutomationStepExecutionsCommand({
            AutomationExecutionId: executionId,
            NextToken: token,
          }),
        ),
      );
      steps.push(...(page.StepExecutions ?? []).map(toStep));
      token = page.NextToken;
    } while (token);
    return steps;
  }

  async listRunning(document: string): Promise<RunningExecution[]> {
    const found: Array<{ id: string; status: string; startedAt?: Date }> = [];
    let token: string | undefined;
    do {
      const page = await this.send('DescribeAutomationExecutions', () =>
        this.client.send(
          new DescribeAutomationExecutionsCommand({
            Filters: [
              { Key: 'DocumentNamePrefix', Values: [document] },
              { Key: 'ExecutionStatus', Values: UNFINISHED },
            ],
            NextToken: token,
          }),
        ),
      );
      for (const entry of page.AutomationExecutionMetadataList ?? []) {
        // A prefix filter: AWS-RebootRdsInstance also finds AWS-RebootRdsInstanceV2.
        if (entry.DocumentName !== document || !entry.AutomationExecutionId) continue;
        found.push({
          id: entry.AutomationExecutionId,
          status: entry.AutomationExecutionStatus ?? 'Pending',
          startedAt: entry.ExecutionStartTime,
        });
      }
      token = page.NextToken;
    } while (token && found.length < MAX_RUNNING_READ);
    // DescribeAutomationExecutions does not say what an execution acts on; its parameters do.
    const running: RunningExecution[] = [];
    for (const entry of found.slice(0, MAX_RUNNING_READ)) {
      const output = await this.send('GetAutomationExecution', () =>
        this.client.send(new GetAutomationExecutionCommand({ AutomationExecutionId: entry.id })),
      );
      running.push({
        executionId: entry.id,
        status: entry.status,
        startedAt: entry.startedAt,
        parameters: output.AutomationExecution?.Parameters ?? {},
      });
    }
    return running;
  }

  async stop(executionId: string): Promise<void> {
    await this.send('StopAutomationExecution', () =>
      this.client.send(
        new StopAutomationExecutionCommand({ AutomationExecutionId: executionId, Type: 'Cancel' }),
      ),
    );
  }

  private async send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toAwsBotError(error, 'Systems Manager', operation);
    }
  }
}
