import { z } from 'zod';
import type { EphemeralMessage, StoredMessage } from '../../sandbox/slack/types.ts';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { sendInteraction } from './slack-requests.ts';
import type { Harness } from './warroom-harness.ts';

const buttonSchema = z.looseObject({ action_id: z.string(), value: z.string().optional() });
const actionsSchema = z.object({
  type: z.literal('actions'),
  block_id: z.string(),
  elements: z.array(buttonSchema),
});

/** Thread replies under a message, oldest first. */
export function threadReplies(harness: Harness, channel: string, parentTs: string): StoredMessage[] {
  return harness.slack
    .messages(channel)
    .filter((message) => message.thread_ts === parentTs && message.ts !== parentTs);
}

export function buttonIds(message: StoredMessage): string[] {
  return (message.blocks ?? []).flatMap((block) => {
    const parsed = actionsSchema.safeParse(block);
    return parsed.success ? parsed.data.elements.map((element) => element.action_id) : [];
  });
}

const team = { id: 'T0WARROOM', domain: 'warroom' };
const user = (userId: string) => ({
  id: userId,
  username: userId.toLowerCase(),
  name: userId,
  team_id: team.id,
});
let clicks = 0;
const actionTs = () => `${Math.floor(Date.now() / 1000)}.${String(++clicks).padStart(6, '0')}`;

/** Clicks a button (Stop, Approve, Reject) on a thread message, signed as Slack would send it. */
export async function clickThreadButton(
  harness: Harness,
  message: StoredMessage,
  userId: string,
  actionId: string,
  options: { ephemeral?: boolean } = {},
) {
  const blocks = message.blocks ?? [];
  const block = blocks
    .map((candidate) => actionsSchema.safeParse(candidate))
    .find((parsed) => parsed.success);
  const element = block?.data?.elements.find((candidate) => candidate.action_id === actionId);
  if (!block?.data || !element)
    throw new Error(`the message has no ${actionId} (it has ${buttonIds(message).join(', ')})`);
  const responseUrl = harness.slack.issueResponseUrl(userId, message.channel);
  const payload = {
    type: 'block_actions',
    user: user(userId),
    api_app_id: 'A0WARROOM',
    team,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: options.ephemeral ?? false,
    },
    trigger_id: harness.slack.issueTriggerId(userId),
    channel: { id: message.channel, name: 'alerts' },
    message: { type: 'message', text: message.text, ts: message.ts, thread_ts: message.thread_ts, blocks },
    state: { values: {} },
    response_url: responseUrl,
    actions: [{ ...element, block_id: block.data.block_id, action_ts: actionTs() }],
  };
  const response = await sendInteraction(harness.warroom.url, payload);
  return { status: response.status, responseUrl };
}

/** Picks `runbookId` in the open runbook modal's menu (a block_actions from the view). */
export async function chooseRunbook(
  harness: Harness,
  view: Record<string, unknown>,
  userId: string,
  runbookId: string,
) {
  const payload = {
    type: 'block_actions',
    user: user(userId),
    api_app_id: 'A0WARROOM',
    team,
    container: { type: 'view', view_id: view['id'] },
    trigger_id: harness.slack.issueTriggerId(userId),
    view: { ...view, state: { values: {} } },
    actions: [
      {
        type: 'static_select',
        action_id: ACTION_IDS.runbookChoice,
        block_id: BLOCK_IDS.runbookChoice,
        selected_option: { text: { type: 'plain_text', text: runbookId }, value: runbookId },
        action_ts: actionTs(),
      },
    ],
  };
  const response = await sendInteraction(harness.warroom.url, payload);
  return response.status;
}

/** Clicks a button on an ephemeral message warroom sent (only its recipient sees and clicks it). */
export function clickEphemeralButton(harness: Harness, ephemeral: EphemeralMessage, actionId: string) {
  const message: StoredMessage = {
    type: 'message',
    ts: ephemeral.message_ts,
    channel: ephemeral.channel,
    text: ephemeral.text,
    user: 'U0WARBOT',
    ...(ephemeral.blocks ? { blocks: ephemeral.blocks } : {}),
  };
  return clickThreadButton(harness, message, ephemeral.user, actionId, { ephemeral: true });
}
