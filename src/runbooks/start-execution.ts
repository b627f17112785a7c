import { START_UNCONFIRMED } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { automationRelatedItems, FIRST_POLL_MS } from './automation-links.ts';
import { mergeSteps, type RunbookExecution } from './execution.ts';
import { findLostStart } from './find-lost-start.ts';
import type { RunbookDefinition } from './runbook.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';
import { describeTarget } from './runbook-target.ts';

export interface StartExecutionDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  onExecutionChanged: (executionId: string) => void;
}

export interface StartPeople {
  requestedBy: string;
  approvedBy?: string;
}

/** How the execution came to be, for its timeline entry. */
export interface StartNote {
  /** Started on purpose while this execution of the same document on the same target ran. */
  concurrentWith?: string;
  /** Found after Systems Manager's answer to the start was lost. */
  foundAfterLostAnswer?: boolean;
}

/**
 * StartAutomationExecution with the request's client token, then records the execution once with
 * its timeline entry (and, in Incident Manager, its AUTOMATION related item). SSM's refusals
 * (a bad value, access denied, the token used with other values) come back as 'invalid'. A lost
 * answer is never reported as a failure: warroom finds out whether it started (findLostStart) and
 * answers 'started' or, while that stays unknown, 'unconfirmed'.
 */
export async function startExecution(
  deps: StartExecutionDeps,
  plan: RunbookPlan,
  clientToken: string,
  people: StartPeople,
  note: StartNote = {},
): Promise<RunbookOutcome> {
  const { incident, runbook } = plan;
  const askedAt = deps.clock.now();
  let executionId: string;
  try {
    // In the incident's account and Region (the plan's place), with its automation role.
    executionId = await plan.place.automation.start({
      document: runbook.document,
      parameters: plan.parameters,
      clientToken,
    });
  } catch (error) {
    let refusal = error;
    if (isBotError(error) && error.code === START_UNCONFIRMED) {
      deps.logger.warn({ err: error, seq: incident.seq, runbook: runbook.id }, 'runbook start unconfirmed');
      const answer = await findLostStart(deps, plan, clientToken, askedAt);
      if (answer.kind === 'found') {
        return recordStarted(deps, plan, clientToken, people, answer.executionId, {
          ...note,
          foundAfterLostAnswer: true,
        });
      }
      if (answer.kind === 'unknown') {
        return {
          kind: 'unconfirmed',
          incident,
          runbook,
          target: describeTarget(runbook, plan.parameters),
        };
      }
      refusal = answer.error;
    }
    if (
      !isBotError(refusal) ||
      !['AWS.VALIDATION', 'AWS.CONFLICT', 'AWS.ACCESS_DENIED'].includes(refusal.code)
    ) {
      throw refusal;
    }
    deps.logger.warn({ err: refusal, seq: incident.seq, runbook: runbook.id }, 'runbook not started');
    const said = refusal.cause instanceof Error ? refusal.cause.message : refusal.userMessage;
    return { kind: 'invalid', incident, problems: [startRefusal(refusal.code, said, runbook)] };
  }
  return recordStarted(deps, plan, clientToken, people, executionId, note);
}

/** Records an execution SSM started (once: the same id or token again answers 'duplicate'). */
export async function recordStarted(
  deps: StartExecutionDeps,
  plan: RunbookPlan,
  clientToken: string,
  people: StartPeople,
  executionId: string,
  note: StartNote = {},
): Promise<RunbookOutcome> {
  const { incident, runbook } = plan;
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
  const how = [
    note.concurrentWith
      ? `run again on purpose while execution ${note.concurrentWith} was still running`
      : undefined,
    note.foundAfterLostAnswer ? "Systems Manager's answer was lost; warroom found it started" : undefined,
  ].filter(Boolean);
  const entry = {
    at: now,
    kind: 'runbook' as const,
    actor: people.requestedBy,
    text: `started runbook ${runbook.title} (${runbook.document}${approved}): execution ${executionId}${how.length > 0 ? ` (${how.join('; ')})` : ''}`,
    dedupeKey: `automation:${executionId}:started`,
  };
  const extra = automationRelatedItems(incident, executionId, plan.place.region, runbook);
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
