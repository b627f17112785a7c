import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { IMPACT_NAMES, type Impact } from './impact.ts';
import { type Incident, incidentId } from './incident.ts';
import { IMPACT_OPTIONS, impactOption } from './incident-actions.ts';
import { MAX_NOTE_TEXT } from './note-messages.ts';
import { utcDateTime } from './typed-time.ts';

/** What a modal remembers between open and submit (Slack gives it back in private_metadata). */
export interface ModalContext {
  seq?: number;
  channelId?: string;
}

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

function textInput(
  blockId: string,
  actionId: string,
  label: string,
  options: { multiline: boolean; max: number; optional?: boolean; hint?: string },
) {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      multiline: options.multiline,
      max_length: options.max,
    },
  };
}

/**
 * Slack's field holds 3,000 characters and silently drops the rest of a longer paste, so the
 * limit is stated under the field with the way to add a longer note.
 */
export const NOTE_MODAL_HINT = (id: string) =>
  `Up to 3,000 characters; the rest of a longer paste is dropped. For a longer note use /incident note ${id} <text> (up to ${MAX_NOTE_TEXT.toLocaleString('en-US')}), or add several notes.`;

/** Add a note to an incident's timeline. */
export function buildNoteModal(incident: Incident, context: ModalContext) {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.noteModal,
    private_metadata: JSON.stringify({ ...context, seq: incident.seq }),
    title: plain(truncate(`Note on ${incidentId(incident.seq)}`, 24)),
    submit: plain('Add note'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(`*${incidentId(incident.seq)}* · ${incident.title}`, 3000) },
      },
      textInput(BLOCK_IDS.noteInput, ACTION_IDS.noteText, 'Note', {
        multiline: true,
        max: 3000,
        hint: NOTE_MODAL_HINT(incidentId(incident.seq)),
      }),
    ],
  };
}

/** Resolve with a summary: submitting the modal is the confirmation. */
export function buildResolveModal(incident: Incident, context: ModalContext) {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.resolveModal,
    private_metadata: JSON.stringify({ ...context, seq: incident.seq }),
    title: plain(truncate(`Resolve ${incidentId(incident.seq)}`, 24)),
    submit: plain('Resolve'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `Resolve *${incidentId(incident.seq)}* · ${incident.title}? It is written to the timeline${incident.incidentManagerArn ? ' and to Incident Manager' : ''}.`,
            3000,
          ),
        },
      },
      textInput(BLOCK_IDS.summaryInput, ACTION_IDS.summaryText, 'What happened and what fixed it', {
        multiline: true,
        max: 3000,
        hint: 'Up to 3,000 characters; the rest of a longer paste is dropped. Add more as notes.',
      }),
    ],
  };
}

/** Reopen with a reason (required): it is kept with the resolution it undoes. */
export function buildReopenModal(incident: Incident, context: ModalContext) {
  const id = incidentId(incident.seq);
  const resolved = incident.resolvedAt ? ` at ${utcDateTime(incident.resolvedAt)}` : '';
  const by = incident.resolvedBy ? ` by <@${incident.resolvedBy}>` : '';
  return {
    type: 'modal',
    callback_id: VIEW_IDS.reopenModal,
    private_metadata: JSON.stringify({ ...context, seq: incident.seq }),
    title: plain(truncate(`Reopen ${id}`, 24)),
    submit: plain('Reopen'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `*${id}* · ${escapeMrkdwn(incident.title)} was resolved${resolved}${by}. Its resolution stays on the timeline; the time to resolve runs again from detection.`,
            3000,
          ),
        },
      },
      textInput(BLOCK_IDS.reasonInput, ACTION_IDS.reasonText, 'Why reopen it?', {
        multiline: true,
        max: 3000,
      }),
    ],
  };
}

/** Declare an incident by hand. */
export function buildDeclareModal(context: ModalContext, defaults: { title?: string; impact?: Impact } = {}) {
  const impact = defaults.impact ?? 3;
  return {
    type: 'modal',
    callback_id: VIEW_IDS.declareModal,
    private_metadata: JSON.stringify(context),
    title: plain('Declare an incident'),
    submit: plain('Declare'),
    close: plain('Cancel'),
    blocks: [
      {
        ...textInput(BLOCK_IDS.titleInput, ACTION_IDS.titleText, 'Title', { multiline: false, max: 150 }),
        ...(defaults.title
          ? {
              element: {
                type: 'plain_text_input',
                action_id: ACTION_IDS.titleText,
                max_length: 150,
                initial_value: defaults.title,
              },
            }
          : {}),
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.impactInput,
        label: plain('Impact'),
        element: {
          type: 'static_select',
          action_id: ACTION_IDS.impactChoice,
          options: IMPACT_OPTIONS,
          initial_option: impactOption(impact),
        },
        hint: plain(`1 ${IMPACT_NAMES[1]} … 5 ${IMPACT_NAMES[5]}`),
      },
    ],
  };
}
