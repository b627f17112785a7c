import {
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
import type {
  AutomationRunner,
  AutomationSnapshot,
  AutomationStep,
  RunbookDocument,
} from './automation-port.ts';
import { toAwsBotError } from './aws-error.ts';

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
    const output = await this.send('StartAutomationExecution', () =>
      this.client.send(
        new StartAutomationExecutionCommand({
          DocumentName: input.document,
          Parameters: Object.keys(input.parameters).length > 0 ? input.parameters : undefined,
          ClientToken: input.clientToken,
        }),
      ),
    );
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
