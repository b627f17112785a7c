import type { App, ViewSubmitAction } from '@slack/bolt';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { handleIncidentTextModal, type IncidentTextModal } from './incident-text-modal.ts';
import type { ViewDeps, ViewSubmissionArgs } from './view-submission.ts';

const RESOLVE_MODAL: IncidentTextModal = {
  name: 'resolve',
  blockId: BLOCK_IDS.summaryInput,
  actionId: ACTION_IDS.summaryText,
  max: 3000,
  button: 'Resolve',
  emptyMessage: 'Say what happened and what fixed it.',
  noun: 'summary',
  action: (summary) => ({ kind: 'resolve', summary }),
};

/**
 * The resolve modal: a summary is required (it goes to the card, the timeline and Incident
 * Manager). Submitting is the confirmation; the card and Incident Manager follow the change.
 */
export function handleResolveSubmission(deps: ViewDeps, args: ViewSubmissionArgs): Promise<void> {
  return handleIncidentTextModal(RESOLVE_MODAL, deps, args);
}

export function registerResolveSubmission(app: App, deps: ViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.resolveModal, (args) => handleResolveSubmission(deps, args));
}
