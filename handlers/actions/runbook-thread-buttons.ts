import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import { approvalOutcomeText, stopOutcomeText } from '../../src/runbooks/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardClickArgs } from './card-click.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';
import { handleThreadButton } from './thread-button.ts';

const executionValue = z.object({ executionId: z.string().min(1).max(64) });
const requestValue = z.object({ requestId: z.string().uuid() });

/** Stop on a run's thread message: StopAutomationExecution for people with `runbook`. */
export function handleStopRunbookButton(deps: RunbookActionDeps, args: CardClickArgs): Promise<void> {
  return handleThreadButton(deps, args, executionValue, async (click) => {
    const outcome = await deps.runbooks.stop(click.value.executionId, click.userId);
    deps.logger.info({ executionId: click.value.executionId, outcome: outcome.kind }, 'runbook stop');
    return stopOutcomeText(outcome);
  });
}

/** Approve or Reject on a two-person request: only someone other than the requester may approve. */
export function handleRunbookDecision(
  deps: RunbookActionDeps,
  args: CardClickArgs,
  decision: 'approve' | 'reject',
): Promise<void> {
  return handleThreadButton(deps, args, requestValue, async (click) => {
    const outcome = await deps.runbooks.approvals.decide(click.value.requestId, click.userId, decision);
    deps.logger.info(
      { requestId: click.value.requestId, decision, outcome: outcome.kind },
      'runbook decision',
    );
    return approvalOutcomeText(outcome);
  });
}

export function registerRunbookThreadButtons(app: App, deps: RunbookActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.runbookStop, (args) => handleStopRunbookButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.runbookApprove, (args) => handleRunbookDecision(deps, args, 'approve'));
  app.action<BlockAction>(ACTION_IDS.runbookReject, (args) => handleRunbookDecision(deps, args, 'reject'));
}
