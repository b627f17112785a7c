import type { App, ViewSubmitAction } from '@slack/bolt';
import { incidentId } from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { handleIncidentTextModal, type IncidentTextModal } from './incident-text-modal.ts';
import type { ViewDeps, ViewSubmissionArgs } from './view-submission.ts';

const NOTE_MODAL: IncidentTextModal = {
  name: 'note',
  blockId: BLOCK_IDS.noteInput,
  actionId: ACTION_IDS.noteText,
  max: 3000,
  button: 'Add note',
  emptyMessage: 'Write the note before adding it.',
  noun: 'note',
  action: (text) => ({ kind: 'note', text }),
  changedReply: (incident) => `${incidentId(incident.seq)}: your note is on the timeline.`,
};

/** The note modal: appends one timeline note. */
export function handleNoteSubmission(deps: ViewDeps, args: ViewSubmissionArgs): Promise<void> {
  return handleIncidentTextModal(NOTE_MODAL, deps, args);
}

export function registerNoteSubmission(app: App, deps: ViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.noteModal, (args) => handleNoteSubmission(deps, args));
}
