import type {
  AutomationExecution,
  DescribeAutomationStepExecutionsRequest,
  DescribeAutomationStepExecutionsResult,
  GetAutomationExecutionResult,
  StepExecution,
} from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { type StepView, viewExecution } from './automation-progress.ts';
import { requireExecution, ssmError } from './ssm-errors.ts';

function toStepExecution(step: StepView): StepExecution {
  return {
    StepName: step.name,
    Action: step.action,
    StepExecutionId: step.id,
    StepStatus: step.status,
    ExecutionStartTime: step.start,
    ExecutionEndTime: step.end,
    FailureMessage: step.failureMessage,
    OnFailure: 'Abort',
  };
}

/** GetAutomationExecution: status and steps as of the injected clock's now. */
export function getAutomationExecution(
  input: Record<string, unknown>,
  context: HandlerContext,
): GetAutomationExecutionResult {
  const execution = requireExecution(context, String(input.AutomationExecutionId));
  const view = viewExecution(execution, context.clock.now());
  const automationExecution: AutomationExecution = {
    AutomationExecutionId: execution.id,
    DocumentName: execution.runbook.name,
    DocumentVersion: '1',
    ExecutionStartTime: execution.startTime,
    ExecutionEndTime: view.end,
    AutomationExecutionStatus: view.status,
    StepExecutions: view.steps.map(toStepExecution),
    StepExecutionsTruncated: false,
    // An empty map breaks the model's min of 1, so absent parameters stay absent.
    Parameters: Object.keys(execution.parameters).length > 0 ? execution.parameters : undefined,
    FailureMessage: view.failureMessage,
    Mode: execution.mode,
    ExecutedBy: context.state.ssm.executedBy,
    CurrentStepName: view.current?.name,
    CurrentAction: view.current?.action,
  };
  return { AutomationExecution: automationExecution };
}

const FILTER_FIELDS: Record<string, (step: StepView) => string> = {
  StepExecutionId: (step) => step.id,
  StepName: (step) => step.name,
  Action: (step) => step.action,
  StepExecutionStatus: (step) => step.status.toUpperCase(),
};

/** DescribeAutomationStepExecutions: the started steps, filtered by id, name, action or status. */
export function describeAutomationStepExecutions(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DescribeAutomationStepExecutionsResult {
  const input = validatedInput<DescribeAutomationStepExecutionsRequest>(raw);
  const execution = requireExecution(context, input.AutomationExecutionId ?? '');
  let steps = viewExecution(execution, context.clock.now()).steps;
  for (const filter of input.Filters ?? []) {
    const read = FILTER_FIELDS[filter.Key ?? ''];
    if (!read)
      throw ssmError('InvalidFilterKey', `Filter key ${filter.Key} is not supported by the emulator.`);
    const wanted = (filter.Values ?? []).map((value) =>
      filter.Key === 'StepExecutionStatus' ? value.toUpperCase() : value,
    );
    steps = steps.filter((step) => wanted.includes(read(step)));
  }
  if (input.ReverseOrder) steps = [...steps].reverse();
  const page = paginate(steps, {
    pageSize: input.MaxResults ?? 50,
    token: input.NextToken,
    listing: `steps:${execution.id}:${JSON.stringify(input.Filters ?? [])}:${input.ReverseOrder === true}`,
    invalidToken: () => ssmError('InvalidNextToken', 'The specified token is not valid.'),
  });
  return { StepExecutions: page.items.map(toStepExecution), NextToken: page.nextToken };
}
