import type { AutomationRunner } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { mergeSteps, type RunbookExecution } from '../runbooks/execution.ts';
import type { RunbookDefinition } from '../runbooks/runbook.ts';
import type { Store } from '../store/store.ts';
import { automationRelatedItems, FIRST_POLL_MS } from './automation-links.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';

export interface StartExecutionDeps {
  store: Store;
  automation: AutomationRunner;
  clock: Clock;
  logger: Logger;
  region: string;
  onExecutionChanged: (executionId: string) => void;
}

/**
 * StartAutomationExecution with the request's client token, then records the execution once with
 * its timeline entry (and, in Incident Manager, its AUTOMATION related item). SSM's refusals
 * (a bad value, access denied, the token used with other values) come back as 'invalid'.
 */
export async function startExecution(
  deps: StartExecutionDeps,
  plan: RunbookPlan,
  clientToken: string,
  people: { requestedBy: string; approvedBy?: string },
): Promise<RunbookOutcome> {
  const { incident, runbook } = plan;
  let executionId: string;
  try {
    executionId = await deps.automation.start({
      document: runbook.document,
      parameters: plan.parameters,
      clientToken,
    });
  } catch (error) {
    if (!isBotError(error) || !['AWS.VALIDATION', 'AWS.CONFLICT', 'AWS.ACCESS_DENIED'].includes(error.code)) {
      throw error;
    }
    deps.logger.warn({ err: error, seq: incident.seq, runbook: runbook.id }, 'runbook not started');
    const said = error.cause instanceof Error ? error.cause.message : error.userMessage;
    return { kind: 'invalid', incident, problems: [startRefusal(error.code, said, runbook)] };
  }
  const now = deps.clock.now();
  const execution: RunbookExecution = {
    executionId,
    incidentSeq: incident.seq,
    runbookId: runbook.id,
    document: runbook.document,
    clientToken,
    ...people,
    parameters: plan.parameters,
    status: 'Pending',
    steps: mergeSteps([], plan.steps),
    startedAt: now,
    updatedAt: now,
    version: 1,
    renderedVersion: 0,
    nextPollAt: now,
    pollIntervalMs: FIRST_POLL_MS,
  };
  const approved = people.approvedBy ? `, approved by <@${people.approvedBy}>` : '';
  const entry = {
    at: now,
    kind: 'runbook' as const,
    actor: people.requestedBy,
    text: `started runbook ${runbook.title} (${runbook.document}${approved}): execution ${executionId}`,
    dedupeKey: `automation:${executionId}:started`,
  };
  const extra = automationRelatedItems(incident, executionId, deps.region, runbook);
  const recorded = await deps.store.runbooks.recordExecutionStarted(execution, entry, extra);
  deps.onExecutionChanged(executionId);
  deps.logger.info(
    { seq: incident.seq, runbook: runbook.id, executionId, created: recorded.created },
    'runbook started',
  );
  return { kind: recorded.created ? 'started' : 'duplicate', incident, execution: recorded.execution };
}

/** SSM's own words name the parameter at fault (they hold no secrets), so they are passed on. */
function startRefusal(code: string, said: string, runbook: RunbookDefinition): string {
  if (code === 'AWS.ACCESS_DENIED') {
    return `warroom may not start ${runbook.document}: check ssm:StartAutomationExecution (and iam:PassRole for the automation role).`;
  }
  if (code === 'AWS.CONFLICT')
    return 'This request already started the runbook with other values; open the form again.';
  return `Systems Manager refused to start ${runbook.document}: ${said.slice(0, 300)}`;
}
