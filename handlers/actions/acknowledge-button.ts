import type { App, BlockAction } from '@slack/bolt';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { performCardAction } from './perform-card-action.ts';

/** Acknowledge: open → acknowledged once, however many people click; the others are told who won. */
export function handleAcknowledgeButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    performCardAction(deps, args, click, { kind: 'acknowledge' }),
  );
}

export function registerAcknowledgeButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.acknowledge, (args) => handleAcknowledgeButton(deps, args));
}
