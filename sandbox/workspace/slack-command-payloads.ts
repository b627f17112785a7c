import type { JsonObject, PayloadActor } from './slack-payloads.ts';

/**
 * Slash commands and Events API envelopes as Slack sends them (shapes of
 * test/fixtures/slack/slack-slash-command.json and Slack's event_callback): pure builders.
 */

/** The form fields of a slash command, in Slack's order, ready for `application/x-www-form-urlencoded`. */
export function buildSlashCommandForm(input: {
  actor: PayloadActor;
  channel: { id: string; name: string };
  command: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): URLSearchParams {
  const { actor } = input;
  return new URLSearchParams({
    token: 'sandbox-verification-token',
    team_id: actor.teamId,
    team_domain: actor.teamDomain,
    channel_id: input.channel.id,
    channel_name: input.channel.name,
    user_id: actor.userId,
    user_name: actor.userName,
    command: input.command,
    text: input.text,
    api_app_id: actor.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  });
}

/** Splits what was typed in the composer: `/incident ack 3` → `{ command: '/incident', text: 'ack 3' }`. */
export function parseSlashCommand(typed: string): { command: string; text: string } | undefined {
  const match = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(typed.trim());
  if (!match?.[1]) return undefined;
  return { command: match[1].toLowerCase(), text: (match[2] ?? '').trim() };
}

/** An Events API `event_callback` envelope around one event. */
export function buildEventCallback(input: {
  teamId: string;
  appId: string;
  event: JsonObject;
  eventId: string;
  eventTime: number;
}): JsonObject {
  return {
    token: 'sandbox-verification-token',
    team_id: input.teamId,
    api_app_id: input.appId,
    event: input.event,
    type: 'event_callback',
    event_id: input.eventId,
    event_time: input.eventTime,
    authorizations: [],
    is_ext_shared_channel: false,
  };
}

/** `app_home_opened`, as Slack sends it when someone opens the app's Home tab. */
export function appHomeOpenedEvent(input: {
  userId: string;
  channel: string;
  eventTs: string;
  view?: JsonObject;
}): JsonObject {
  return {
    type: 'app_home_opened',
    user: input.userId,
    channel: input.channel,
    tab: 'home',
    event_ts: input.eventTs,
    ...(input.view ? { view: input.view } : {}),
  };
}

/** `reaction_added` on a message. */
export function reactionAddedEvent(input: {
  userId: string;
  reaction: string;
  itemUser: string;
  channel: string;
  messageTs: string;
  eventTs: string;
}): JsonObject {
  return {
    type: 'reaction_added',
    user: input.userId,
    reaction: input.reaction,
    item_user: input.itemUser,
    item: { type: 'message', channel: input.channel, ts: input.messageTs },
    event_ts: input.eventTs,
  };
}

/** A person's message (`message.channels` / `message.groups` / `message.im` subscriptions). */
export function messageEvent(input: {
  userId: string;
  channel: string;
  channelType: 'channel' | 'group' | 'im';
  text: string;
  ts: string;
  threadTs?: string;
  teamId: string;
}): JsonObject {
  return {
    type: 'message',
    channel: input.channel,
    user: input.userId,
    text: input.text,
    ts: input.ts,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    team: input.teamId,
    event_ts: input.ts,
    channel_type: input.channelType,
  };
}
