import { START_UNCONFIRMED } from '../aws/automation-port.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { RunbookPlan } from './runbook-planner.ts';

/**
 * An execution SSM started this long before warroom asked, with exactly the same parameters, is
 * taken for the one whose answer was lost (clocks differ a little).
 */
const CLOCK_SLACK_MS = 2 * 60_000;

export type LostStartAnswer =
  /** It started: here is its id. */
  | { kind: 'found'; executionId: string }
  /** SSM refused the start outright (a 4xx to the same request): it did not start. */
  | { kind: 'refused'; error: unknown }
  /** Still unknown: SSM answers neither the start nor the look. */
  | { kind: 'unknown' };

/**
 * Finds out whether a start whose answer was lost happened, without ever starting a second run:
 * first the same StartAutomationExecution again with the same ClientToken (SSM answers the id of
 * the execution it already started, or starts it now if the first never arrived: either way one
 * run), then a look at SSM's unfinished executions of the document for one that carries every parameter
 * warroom sent, started since warroom asked, and is not one warroom already follows.
 */
export async function findLostStart(
  deps: { logger: Logger; store: Pick<Store, 'runbooks'> },
  plan: RunbookPlan,
  clientToken: string,
  askedAt: Date,
): Promise<LostStartAnswer> {
  const { runbook } = plan;
  // Asked where the first start went: the incident's account and Region.
  const { automation } = plan.place;
  try {
    const executionId = await automation.start({
      document: runbook.document,
      parameters: plan.parameters,
      clientToken,
    });
    return { kind: 'found', executionId };
  } catch (error) {
    if (!isBotError(error) || error.code !== START_UNCONFIRMED) {
      // Throttled or down now: that says nothing of the first request. A refusal of the same
      // request (bad value, no permission) does: it was refused the first time too.
      if (isBotError(error) && ['AWS.VALIDATION', 'AWS.ACCESS_DENIED'].includes(error.code)) {
        return { kind: 'refused', error };
      }
    }
    deps.logger.warn({ err: error, runbook: runbook.id }, 'the start is still unconfirmed; looking for it');
  }
  try {
    const since = askedAt.getTime() - CLOCK_SLACK_MS;
    const running = await automation.listRunning(runbook.document);
    for (const execution of running) {
      if (!carriesAll(execution.parameters, plan.parameters)) continue;
      if (execution.startedAt && execution.startedAt.getTime() < since) continue;
      // An execution warroom already follows is another request's, not the lost one.
      if (await deps.store.runbooks.getExecution(execution.executionId)) continue;
      return { kind: 'found', executionId: execution.executionId };
    }
    return { kind: 'unknown' };
  } catch (error) {
    deps.logger.warn({ err: error, runbook: runbook.id }, 'could not look for an unconfirmed start');
    return { kind: 'unknown' };
  }
}

/** SSM reports the document's defaults too, so "the same parameters" means every one warroom sent. */
function carriesAll(reported: Record<string, string[]>, sent: Record<string, string[]>): boolean {
  return Object.entries(sent).every(
    ([name, values]) => JSON.stringify(reported[name] ?? []) === JSON.stringify(values),
  );
}
