import { ACTION_IDS, BLOCK_IDS, SHORTCUT_IDS } from '../../src/slack/ids.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  reactionAddedEvent,
  viewSubmissionPayload,
} from '../support/bad-slack-payloads.ts';
import type { Mutation } from './mutate-json.ts';

/** What only the running test knows when a request is sent: fresh URLs and ids from the local Slack. */
export interface SlackFuzzContext {
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
  /** The ts of INC-1's card, so clicks and pins land on a real card. */
  cardTs: string;
}

/** A request chosen by fast-check; built when sent, so each has its own response_url and trigger_id. */
export interface SlackFuzzPlan {
  base: number;
  userId: string;
  actionId: string;
  value: string;
  callbackId: string;
  commandText: string;
  mutations: Mutation[];
  /** Cut the finished body after this many characters (a truncated request). */
  cut: number | null;
  /** Send a form body as JSON or the other way round. */
  swapContentType: boolean;
}

export type Encoding = 'form' | 'payload' | 'event';
type Builder = (
  plan: SlackFuzzPlan,
  ctx: SlackFuzzContext,
) => { encoding: Encoding; body: Record<string, unknown> };

const team = { id: 'T0WARROOM', domain: 'warroom' };
const user = (id: string) => ({ id, username: id.toLowerCase(), name: id, team_id: 'T0WARROOM' });
const inputs = {
  [BLOCK_IDS.noteInput]: { [ACTION_IDS.noteText]: { type: 'plain_text_input', value: 'fuzz note' } },
  [BLOCK_IDS.summaryInput]: { [ACTION_IDS.summaryText]: { type: 'plain_text_input', value: 'fuzz summary' } },
  [BLOCK_IDS.titleInput]: { [ACTION_IDS.titleText]: { type: 'plain_text_input', value: 'fuzz declared' } },
  [BLOCK_IDS.impactInput]: {
    [ACTION_IDS.impactChoice]: { type: 'static_select', selected_option: { value: '4' } },
  },
};
const eventCallback = (event: Record<string, unknown>) => ({
  token: 'x',
  team_id: 'T0WARROOM',
  api_app_id: 'A0WARROOM',
  type: 'event_callback',
  event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
  event_time: Math.floor(Date.now() / 1000),
  event,
});

/** Every payload shape Slack sends warroom, from the fixtures, with warroom's (and older) ids. */
const BUILDERS: Builder[] = [
  (plan, ctx) => ({
    encoding: 'form',
    body: {
      token: 'x',
      team_id: 'T0WARROOM',
      channel_id: ctx.channelId,
      user_id: plan.userId,
      user_name: 'x',
      command: '/incident',
      text: plan.commandText,
      api_app_id: 'A0WARROOM',
      response_url: ctx.responseUrl,
      trigger_id: ctx.triggerId,
    },
  }),
  (plan, ctx) => {
    const click = blockActionsPayload({ ...ctx, userId: plan.userId });
    const action = {
      type: 'button',
      action_id: plan.actionId,
      block_id: BLOCK_IDS.cardActions,
      value: plan.value,
      action_ts: '1.000001',
    };
    const message = { type: 'message', ts: ctx.cardTs, text: 'INC-1 card', blocks: [] };
    return {
      encoding: 'payload',
      body: {
        ...click,
        container: { type: 'message', message_ts: ctx.cardTs, channel_id: ctx.channelId },
        message,
        actions: [action],
      },
    };
  },
  (plan) => {
    const form = viewSubmissionPayload(plan.userId);
    const view = form['view'] as Record<string, unknown>;
    const metadata = JSON.stringify({ seq: 1, channelId: 'C0ALERTS' });
    return {
      encoding: 'payload',
      body: {
        ...form,
        team,
        view: {
          ...view,
          callback_id: plan.callbackId,
          private_metadata: metadata,
          state: { values: inputs },
        },
      },
    };
  },
  (plan) => ({
    encoding: 'payload',
    body: {
      type: 'view_closed',
      team,
      user: user(plan.userId),
      view: { id: 'V0CLOSED', callback_id: plan.callbackId },
      is_cleared: false,
    },
  }),
  (plan, ctx) => ({
    encoding: 'payload',
    body: {
      type: 'message_action',
      callback_id: plan.value === '' ? 'warroom_old_shortcut' : SHORTCUT_IDS.addToTimeline,
      trigger_id: ctx.triggerId,
      team,
      user: user(plan.userId),
      channel: { id: ctx.channelId, name: 'alerts' },
      message: { type: 'message', ts: ctx.cardTs, text: 'a message', user: 'U0BOB' },
      response_url: ctx.responseUrl,
    },
  }),
  (plan, ctx) => ({
    encoding: 'payload',
    body: {
      type: 'shortcut',
      callback_id: plan.callbackId,
      trigger_id: ctx.triggerId,
      team,
      user: user(plan.userId),
    },
  }),
  (plan) => ({
    encoding: 'payload',
    body: {
      type: 'block_suggestion',
      team,
      user: user(plan.userId),
      action_id: plan.actionId,
      block_id: 'b',
      value: 'ord',
    },
  }),
  (plan, ctx) => ({
    encoding: 'event',
    body: eventCallback({
      ...reactionAddedEvent(plan.userId, ctx.channelId),
      item: { type: 'message', channel: ctx.channelId, ts: ctx.cardTs },
    }),
  }),
  (plan) => ({ encoding: 'event', body: eventCallback(appHomeOpenedEvent(plan.userId)) }),
  (plan, ctx) => ({
    encoding: 'event',
    body: eventCallback({
      type: 'message',
      user: plan.userId,
      channel: ctx.channelId,
      text: 'hi',
      ts: '1.2',
      thread_ts: ctx.cardTs,
    }),
  }),
];

/** The payload a plan names (plan.base picks the shape), not yet mutated or encoded. */
export function buildSlackPayload(
  plan: SlackFuzzPlan,
  ctx: SlackFuzzContext,
): { encoding: Encoding; body: Record<string, unknown> } {
  return (BUILDERS[plan.base % BUILDERS.length] as Builder)(plan, ctx);
}
