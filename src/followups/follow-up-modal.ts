import { incidentId } from '../incidents/index.ts';
import { ACTION_IDS, BLOCK_IDS, VIEW_IDS } from '../slack/ids.ts';

/** The title field's limit, stated in the modal (OpsCenter takes 1,024; a follow-up is a line). */
export const MAX_FOLLOW_UP_TITLE = 500;

/** What the follow-up modal was opened for: its incident and where to report back. */
export interface FollowUpModalContext {
  seq: number;
  channelId?: string;
}

/**
 * The Make follow-up modal: the message's text prefilled as the title (cut to the limit, which
 * the field says), an owner picker and a due date picker, both optional.
 */
export function buildFollowUpModal(context: FollowUpModalContext, title: string): Record<string, unknown> {
  const initial = title.trim().slice(0, MAX_FOLLOW_UP_TITLE);
  return {
    type: 'modal',
    callback_id: VIEW_IDS.followUpModal,
    private_metadata: JSON.stringify(context),
    title: { type: 'plain_text', text: 'Make follow-up' },
    submit: { type: 'plain_text', text: 'Add follow-up' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `A follow-up of *${incidentId(context.seq)}*, tracked until someone marks it done.`,
          },
        ],
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.followUpTitleInput,
        label: { type: 'plain_text', text: 'What needs doing' },
        hint: { type: 'plain_text', text: `At most ${MAX_FOLLOW_UP_TITLE} characters.` },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_IDS.followUpTitle,
          multiline: true,
          max_length: MAX_FOLLOW_UP_TITLE,
          ...(initial ? { initial_value: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.followUpOwnerInput,
        optional: true,
        label: { type: 'plain_text', text: 'Owner' },
        element: { type: 'users_select', action_id: ACTION_IDS.followUpOwner },
      },
      {
        type: 'input',
        block_id: BLOCK_IDS.followUpDueInput,
        optional: true,
        label: { type: 'plain_text', text: 'Due' },
        element: { type: 'datepicker', action_id: ACTION_IDS.followUpDue },
      },
    ],
  };
}
