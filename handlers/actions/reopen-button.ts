import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { performCardAction } from './perform-card-action.ts';

/** Reopen: the one button a resolved card offers; needs the `resolve` permission. */
export function handleReopenButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    performCardAction(deps, args, click, { kind: 'reopen' }),
  );
}

export function registerReopenButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.reopen, (args) => handleReopenButton(deps, args));
}
