import type { AutomationRunner } from '../aws/automation-port.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import { isFinalStatus } from './execution.ts';
import type { RunningElsewhere } from './runbook-outcome.ts';
import type { RunbookPlan } from './runbook-planner.ts';
import { describeTarget, targetKeyOf } from './runbook-target.ts';

/**
 * An unfinished execution of the plan's document on the plan's target, if there is one: first
 * among those warroom started for this incident (their status read again, as the follower may be
 * behind), then among all SSM reports (another incident's, the console's, one whose start answer
 * was lost before a restart). Without ssm:DescribeAutomationExecutions only the first look is made.
 */
export async function findRunningTwin(
  deps: { store: Pick<Store, 'runbooks'>; logger: Logger },
  plan: RunbookPlan,
): Promise<RunningElsewhere | undefined> {
  const { incident, runbook } = plan;
  // Looked for where this one would run: a twin in another account or Region is not one.
  const { automation, region } = plan.place;
  const target = targetKeyOf(runbook, plan.parameters);
  const words = describeTarget(runbook, plan.parameters);
  const own = await deps.store.runbooks.listExecutions(incident.seq);
  for (const execution of own.reverse()) {
    if (execution.document !== runbook.document || isFinalStatus(execution.status)) continue;
    if (targetKeyOf(runbook, execution.parameters) !== target) continue;
    const now = await automation.get(execution.executionId);
    if (isFinalStatus(now.status)) continue;
    return {
      executionId: execution.executionId,
      startedAt: execution.startedAt,
      requestedBy: execution.requestedBy,
      target: words,
      region,
    };
  }
  let running: Awaited<ReturnType<AutomationRunner['listRunning']>>;
  try {
    running = await automation.listRunning(runbook.document);
  } catch (error) {
    if (!isBotError(error) || error.code !== 'AWS.ACCESS_DENIED') throw error;
    deps.logger.warn(
      { err: error, runbook: runbook.id },
      'cannot list running executions (ssm:DescribeAutomationExecutions); only warroom’s own were checked',
    );
    return undefined;
  }
  const twin = running.find((execution) => targetKeyOf(runbook, execution.parameters) === target);
  if (!twin) return undefined;
  const known = await deps.store.runbooks.getExecution(twin.executionId);
  return {
    executionId: twin.executionId,
    startedAt: twin.startedAt,
    requestedBy: known?.requestedBy,
    target: words,
    region,
  };
}
