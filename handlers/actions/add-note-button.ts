import type { App, BlockAction } from '@slack/bolt';
import { buildNoteModal, PERMISSION_FOR } from '../../src/incidents/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { openCardModal } from './open-card-modal.ts';

/** Add note: opens the note modal; the note is written when it is submitted (handlers/views). */
export function handleAddNoteButton(deps: CardActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, (click) =>
    openCardModal(deps, args, click, {
      permission: PERMISSION_FOR.note,
      build: buildNoteModal,
      fallback: (id) => `/incident note ${id} <text>`,
    }),
  );
}

export function registerAddNoteButton(app: App, deps: CardActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.addNote, (args) => handleAddNoteButton(deps, args));
}
