import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { incidentId, noteConfirmation, type PostNoteDeps, postNote } from '../../src/incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { handleIncidentTextModal, type IncidentTextModal } from './incident-text-modal.ts';
import type { ViewDeps, ViewSubmissionArgs } from './view-submission.ts';

/** Slack caps a plain_text_input at 3,000 characters; the modal says so, and where a longer note goes. */
export const MODAL_NOTE_MAX = 3000;

export type NoteViewDeps = ViewDeps &
  Pick<SlackHandlerDeps, 'store'> & { slack: ViewDeps['slack'] & PostNoteDeps['slack'] };

function noteModal(deps: NoteViewDeps): IncidentTextModal {
  return {
    name: 'note',
    blockId: BLOCK_IDS.noteInput,
    actionId: ACTION_IDS.noteText,
    max: MODAL_NOTE_MAX,
    button: 'Add note',
    emptyMessage: 'Write the note before adding it.',
    noun: 'note',
    action: (text) => ({ kind: 'note', text }),
    changedReply: async ({ incident, entry }) => {
      const posting = { ...deps, alertChannel: deps.config.slack.alertChannel };
      return noteConfirmation(incidentId(incident.seq), await postNote(posting, incident, entry));
    },
  };
}

/** The note modal: appends one timeline note and shows it in the card's thread and the incident channel. */
export function handleNoteSubmission(deps: NoteViewDeps, args: ViewSubmissionArgs): Promise<void> {
  return handleIncidentTextModal(noteModal(deps), deps, args);
}

export function registerNoteSubmission(app: App, deps: NoteViewDeps): void {
  app.view<ViewSubmitAction>(VIEW_IDS.noteModal, (args) => handleNoteSubmission(deps, args));
}
