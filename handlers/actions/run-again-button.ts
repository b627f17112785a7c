import type { App, BlockAction } from '@slack/bolt';
import { z } from 'zod';
import { runbookOutcomeText } from '../../src/runbooks/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardClickArgs } from './card-click.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';
import { handleThreadButton } from './thread-button.ts';

/** What runAgainValue (src/runbooks/runbook-already-running.ts) wrote into the button. */
const runAgainValue = z.object({
  seq: z.number().int().positive(),
  runbookId: z.string().min(1).max(40),
  overrides: z.record(z.string().max(50), z.string().max(512)),
  requestKey: z.string().min(1).max(1000),
  runningExecutionId: z.string().min(1).max(64),
});

/**
 * "Run again anyway", offered beside an unfinished run of the same document on the same target:
 * a deliberate second run, under a request key of its own (the first request and the run it
 * doubles), so clicking twice still starts it once. Permission and incident are checked as for any
 * start; the timeline says it was run again on purpose.
 */
export function handleRunAgainButton(deps: RunbookActionDeps, args: CardClickArgs): Promise<void> {
  return handleThreadButton(deps, args, runAgainValue, async (click) => {
    const { seq, runbookId, overrides, requestKey, runningExecutionId } = click.value;
    const outcome = await deps.runbooks.runbooks.ask({
      seq,
      runbookId,
      actorId: click.userId,
      requestKey: `again:${runningExecutionId}:${requestKey}`,
      overrides,
      again: { runningExecutionId },
    });
    deps.logger.info({ seq, runbookId, runningExecutionId, outcome: outcome.kind }, 'runbook run again');
    return runbookOutcomeText(outcome);
  });
}

export function registerRunAgainButton(app: App, deps: RunbookActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.runbookRunAgain, (args) => handleRunAgainButton(deps, args));
}
