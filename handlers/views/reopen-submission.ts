import type { App, ViewSubmitAction } from '@slack/bolt';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { handleIncidentTextModal, type IncidentTextModal } from './incident-text-modal.ts';
import type { ViewDeps, ViewSubmissionArgs } from './view-submission.ts';

const REOPEN_MODAL: IncidentTextModal = {
  name: 'reopen',
  blockId: BLOCK_IDS.reasonInput,
  actionId: ACTION_IDS.reasonText,
  max: 3000,
  button: 'Reopen',
  emptyMessage: 'Say why it is reopened: the reason stays with the resolution it undoes.',
  noun: 'reason',
  action: (reason) => ({ kind: 'reopen', reason }),
};

/** The reopen modal: a reason is required; the undone resolution is kept on the timeline. */
export function handleReopenSubmission(deps: ViewDeps, args: ViewSubmissionArgs): Promise<void> {
  return handleIncidentTextModal(REOPEN_MODAL, deps, args);
}

export function registerReopenSubmission(app: App, deps: ViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.reopenModal, (args) => handleReopenSubmission(deps, args));
}
