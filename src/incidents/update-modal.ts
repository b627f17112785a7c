import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { type Incident, incidentId } from './incident.ts';
import { IMPACT_OPTIONS, impactOption } from './incident-actions.ts';
import type { ModalContext } from './incident-modals.ts';
import { incidentStatusText } from './incident-status-text.ts';

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

/**
 * Post update: the impact as it stands (change it here and the update says the new one), the
 * status and owner as they stand, and the words, required. Slack's field holds 3,000 characters.
 */
export function buildUpdateModal(incident: Incident, context: ModalContext) {
  const id = incidentId(incident.seq);
  return {
    type: 'modal',
    callback_id: VIEW_IDS.updateModal,
    private_metadata: JSON.stringify({ ...context, seq: incident.seq }),
    title: plain(truncate(`Update on ${id}`, 24)),
    submit: plain('Post update'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `*${id}* · ${escapeMrkdwn(incident.title)}\n*Status:* ${incidentStatusText(incident)}`,
            3000,
          ),
        },
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.updateImpactInput,
        label: plain('Impact'),
        element: {
          type: 'static_select',
          action_id: ACTION_IDS.impactChoice,
          options: IMPACT_OPTIONS,
          initial_option: impactOption(incident.impact),
        },
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.updateInput,
        label: plain('Update for stakeholders'),
        hint: plain(
          `Posted in the card's thread, the incident channel and the updates channel. Up to 3,000 characters; for a longer one use /incident update ${id} <text>.`,
        ),
        element: {
          type: 'plain_text_input',
          action_id: ACTION_IDS.updateText,
          multiline: true,
          max_length: 3000,
        },
      },
    ],
  };
}
