import type { AutomationRunner } from '../aws/automation-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Denial, Permissions } from '../permissions/index.ts';
import type { Store } from '../store/store.ts';
import { isFinalStatus } from './execution.ts';

export type StopOutcome =
  | { kind: 'stopping'; executionId: string }
  | { kind: 'finished'; status: string }
  | ({ kind: 'denied' } & Denial)
  | { kind: 'not-found' };

export interface StopExecutionDeps {
  store: Store;
  permissions: Permissions;
  /** SSM of the execution's incident: its account and Region (undefined: the incident is gone). */
  automationFor: (incident: Incident | undefined) => AutomationRunner;
  clock: Clock;
  logger: Logger;
  onExecutionChanged: (executionId: string) => void;
}

/**
 * The Stop button: StopAutomationExecution (Cancel) on a running execution warroom started. The
 * request goes on the timeline; the follower sees Cancelled on its next look, which is now.
 */
export async function stopExecution(
  deps: StopExecutionDeps,
  executionId: string,
  actorId: string,
): Promise<StopOutcome> {
  const execution = await deps.store.runbooks.getExecution(executionId);
  if (!execution) return { kind: 'not-found' };
  // The execution's incident: a `team:` rule lets a team stop runs only on the incidents it owns.
  const incident = await deps.store.getIncident(execution.incidentSeq);
  const denial = await deps.permissions.refusal(
    'runbook',
    actorId,
    incident ?? { seq: execution.incidentSeq },
  );
  if (denial) {
    deps.logger.warn({ userId: actorId, permission: 'runbook', executionId }, 'permission refused');
    return { kind: 'denied', ...denial };
  }
  if (isFinalStatus(execution.status)) return { kind: 'finished', status: execution.status };
  try {
    await deps.automationFor(incident).stop(executionId);
  } catch (error) {
    // SSM says it cannot be stopped: it finished between the last look and the click.
    if (!(isBotError(error) && error.code === 'AWS.CONFLICT')) throw error;
    deps.onExecutionChanged(executionId);
    return { kind: 'finished', status: 'finished' };
  }
  const now = deps.clock.now();
  await deps.store.runbooks.recordStopRequested(executionId, {
    at: now,
    kind: 'runbook',
    actor: actorId,
    text: `asked to stop runbook execution ${executionId}`,
    dedupeKey: `automation:${executionId}:stop`,
  });
  deps.onExecutionChanged(executionId);
  return { kind: 'stopping', executionId };
}
