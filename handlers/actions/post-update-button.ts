import type { App, BlockAction } from '@slack/bolt';
import { buildUpdateModal, PERMISSION_FOR } from '../../src/incidents/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openCardModal } from './open-card-modal.ts';

/** Post update: opens the update modal (impact and status prefilled); it posts when submitted (handlers/views). */
export function handlePostUpdateButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    openCardModal(deps, args, click, {
      permission: PERMISSION_FOR.update,
      build: buildUpdateModal,
      fallback: (id) => `/incident update ${id} <text>`,
    }),
  );
}

export function registerPostUpdateButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.postUpdate, (args) => handlePostUpdateButton(deps, args));
}
