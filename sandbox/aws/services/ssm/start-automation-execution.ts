import { randomUUID } from 'node:crypto';
import type { StartAutomationExecutionRequest, StartAutomationExecutionResult } from '@aws-sdk/client-ssm';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { checkRunbookParameters } from './check-runbook-parameters.ts';
import { ssmError } from './ssm-errors.ts';

/** The emulator keeps one version of each document. */
const KNOWN_VERSIONS = new Set(['$DEFAULT', '$LATEST', '1']);

/**
 * StartAutomationExecution in the caller's account (and the Region of the state it is given): the
 * document must exist and the parameters fit it. The SDK does not
 * fill ClientToken for SSM; when sent (the model requires a 36-character UUID) the same token
 * returns the same execution id, and the same token with other input is IdempotentParameterMismatch.
 */
export function startAutomationExecution(
  raw: Record<string, unknown>,
  context: HandlerContext,
): StartAutomationExecutionResult {
  const input = validatedInput<StartAutomationExecutionRequest>(raw);
  const ssm = context.state.ssm;
  const mismatch = () =>
    ssmError('IdempotentParameterMismatch', 'ClientToken was already used with different parameters.');
  // A ClientToken is the account's own: another account's run with the same token is another run.
  const operation = `StartAutomationExecution@${context.accountId}`;
  return ssm.idempotency.run(operation, input.ClientToken, raw, mismatch, () => {
    const runbook = ssm.documents.get(input.DocumentName ?? '');
    if (!runbook) {
      throw ssmError(
        'AutomationDefinitionNotFoundException',
        `Automation definition not found for document ${input.DocumentName}.`,
      );
    }
    if (input.DocumentVersion !== undefined && !KNOWN_VERSIONS.has(input.DocumentVersion)) {
      throw ssmError(
        'AutomationDefinitionVersionNotFoundException',
        `Version ${input.DocumentVersion} of document ${runbook.name} does not exist.`,
      );
    }
    const parameters = input.Parameters ?? {};
    checkRunbookParameters(runbook, parameters);
    checkAssumeRole(parameters, context.accountId);
    const failure = ssm.takePlannedFailure(runbook.name);
    if (failure && !runbook.steps.some((step) => step.name === failure.stepName)) {
      throw new Error(`planned failure names step ${failure.stepName}, which ${runbook.name} does not have`);
    }
    const id = randomUUID();
    ssm.executions.set(id, {
      id,
      accountId: context.accountId,
      runbook,
      parameters,
      mode: input.Mode ?? 'Auto',
      startTime: context.clock.now(),
      stepExecutionIds: runbook.steps.map(() => randomUUID()),
      failure,
      effects: { nextStep: 0, outputs: new Map() },
    });
    return { AutomationExecutionId: id };
  });
}

/**
 * SSM assumes AutomationAssumeRole in the account the execution runs in: iam:PassRole cannot hand
 * it a role of another account, and SSM answers so at the start (its words as seen in public
 * threads, e.g. miztiik/AWS-Demos#12).
 */
function checkAssumeRole(parameters: Record<string, string[]>, accountId: string): void {
  const role = parameters.AutomationAssumeRole?.[0];
  const roleAccount = role?.match(/^arn:aws[\w-]*:iam::(\d{12}):role\//)?.[1];
  if (role && roleAccount !== accountId) {
    throw ssmError(
      'InvalidAutomationExecutionParametersException',
      'The defined assume role is unable to be assumed.',
    );
  }
}
