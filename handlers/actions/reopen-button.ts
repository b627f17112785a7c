import type { App, BlockAction } from '@slack/bolt';
import { buildReopenModal, PERMISSION_FOR } from '../../src/incidents/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openCardModal } from './open-card-modal.ts';

/** Reopen, the resolved card's button: opens a modal asking why; submitting it reopens. */
export function handleReopenButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    openCardModal(deps, args, click, {
      permission: PERMISSION_FOR.reopen,
      build: buildReopenModal,
      fallback: (id) => `/incident reopen ${id} <reason>`,
      forResolved: true,
    }),
  );
}

export function registerReopenButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.reopen, (args) => handleReopenButton(deps, args));
}
