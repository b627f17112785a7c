import { loadServiceModel } from '../../model/service-model.ts';
import type { HandlerContext } from '../../service-definition.ts';
import { type AwsServiceError, modelledError } from '../../service-error.ts';
import type { AutomationExecutionRecord } from './ssm-state.ts';

/** An SSM error by shape name; every SSM error shape carries `Message`, which modelledError picks up. */
export function ssmError(code: string, message: string, fields?: Record<string, unknown>): AwsServiceError {
  return modelledError(loadServiceModel('ssm'), code, message, { fields });
}

/** An execution of the caller's account: another account's is as unknown to it as on AWS. */
export function requireExecution(context: HandlerContext, id: string): AutomationExecutionRecord {
  const execution = context.state.ssm.executions.get(id);
  if (!execution || execution.accountId !== context.accountId)
    throw ssmError('AutomationExecutionNotFoundException', `Automation execution ${id} does not exist.`);
  return execution;
}
