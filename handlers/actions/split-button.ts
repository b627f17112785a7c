import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { performCardAction } from './perform-card-action.ts';

/** Split out of storm: the member becomes a normal incident, with its own card and escalation. */
export function handleSplitButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    performCardAction(deps, args, click, { kind: 'split' }),
  );
}

export function registerSplitButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.splitFromStorm, (args) => handleSplitButton(deps, args));
}
