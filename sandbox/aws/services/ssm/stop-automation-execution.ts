import type { StopAutomationExecutionResult } from '@aws-sdk/client-ssm';
import type { HandlerContext } from '../../service-definition.ts';
import { isFinished, viewExecution } from './automation-progress.ts';
import { requireExecution, ssmError } from './ssm-errors.ts';

/** StopAutomationExecution: a running execution becomes Cancelled now; a finished one cannot be stopped. */
export function stopAutomationExecution(
  input: Record<string, unknown>,
  context: HandlerContext,
): StopAutomationExecutionResult {
  const execution = requireExecution(context, String(input.AutomationExecutionId));
  const now = context.clock.now();
  const { status } = viewExecution(execution, now);
  if (isFinished(status)) {
    throw ssmError(
      'InvalidAutomationStatusUpdateException',
      `Automation execution ${execution.id} is already ${status}.`,
    );
  }
  execution.stoppedAt = now;
  return {};
}
