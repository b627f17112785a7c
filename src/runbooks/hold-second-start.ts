import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { findRunningTwin } from './find-running-twin.ts';
import type { RunbookOutcome } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';
import { describeTarget } from './runbook-target.ts';
import type { UnconfirmedStarts } from './unconfirmed-starts.ts';

export interface HoldDeps {
  store: Pick<Store, 'runbooks'>;
  logger: Logger;
  unconfirmed: UnconfirmedStarts;
}

/**
 * Why a new start of this plan must not happen now, or undefined when it may start: an earlier
 * start of the same document on the same target whose answer was lost and is still unknown
 * ('unconfirmed'; settled first, so a found one answers 'already-running'), always checked; with
 * `guard`, an unfinished run of it, warroom's or anyone's ('already-running', with what "Run again
 * anyway" needs).
 */
export async function holdSecondStart(
  deps: HoldDeps,
  plan: RunbookPlan,
  request: { requestKey: string; overrides: Record<string, string>; guard: boolean },
): Promise<RunbookOutcome | undefined> {
  const { incident, runbook } = plan;
  const target = describeTarget(runbook, plan.parameters);
  const again = {
    seq: incident.seq,
    runbookId: runbook.id,
    overrides: request.overrides,
    requestKey: request.requestKey,
  };
  const lost = deps.unconfirmed.matching(plan);
  if (lost) {
    const resolved = await deps.unconfirmed.resolve(lost);
    if (!resolved) return { kind: 'unconfirmed', incident, runbook, target };
    if (resolved.kind === 'started' || resolved.kind === 'duplicate') {
      const { execution } = resolved;
      const running = {
        executionId: execution.executionId,
        startedAt: execution.startedAt,
        requestedBy: execution.requestedBy,
        target,
        region: plan.place.region,
      };
      return { kind: 'already-running', incident, runbook, running, again };
    }
  }
  if (!request.guard) return undefined;
  const running = await findRunningTwin(deps, plan);
  return running ? { kind: 'already-running', incident, runbook, running, again } : undefined;
}
