import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openRunbookModal } from './open-runbook-modal.ts';
import type { RunbookActionDeps } from './runbook-deps.ts';

/**
 * Run runbook: opens the modal at once (the trigger lasts 3 s, and preparing needs AWS), showing the
 * runbooks that fit; then prepares the first and updates the modal with what would run.
 */
export function handleRunRunbookButton(deps: RunbookActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) => openRunbookModal(deps, args, click));
}

export function registerRunRunbookButton(app: App, deps: RunbookActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.runRunbook, (args) => handleRunRunbookButton(deps, args));
}
