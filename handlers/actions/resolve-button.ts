import type { App, BlockAction } from '@slack/bolt';
import { buildResolveModal, PERMISSION_FOR } from '../../src/incidents/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openCardModal } from './open-card-modal.ts';

/** Resolve: opens the resolve modal; submitting it (with a summary) is the confirmation. */
export function handleResolveButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    openCardModal(deps, args, click, {
      permission: PERMISSION_FOR.resolve,
      build: buildResolveModal,
      fallback: (id) => `/incident resolve ${id} <summary>`,
    }),
  );
}

export function registerResolveButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.resolve, (args) => handleResolveButton(deps, args));
}
