import { toApiMessage } from '../slack/message-content.ts';
import type { SlackEmulator } from '../slack/slack-emulator.ts';
import { tsFor } from './conversation-messages.ts';
import type { JsonObject } from './slack-payloads.ts';

/** A shown message, found again by its UiMessage key, with what a payload says about it. */
export interface FoundMessage {
  channel: string;
  key: string;
  ts: string;
  threadTs?: string;
  isEphemeral: boolean;
  /** The author (for reaction_added's item_user). */
  user: string;
  /** As the Web API shows it now; absent for ephemeral messages (Slack does not send those). */
  apiMessage?: JsonObject;
}

export class MessageNotFoundError extends Error {}

/** Finds `h:<ts>`, `e:<n>` or `r:<n>` in `channel`; throws when it is gone. */
export function findMessage(slack: SlackEmulator, channel: string, key: string): FoundMessage {
  const [kind, id = ''] = key.split(':', 2) as [string, string | undefined];
  if (kind === 'h') {
    const all = slack.messages(channel);
    const message = all.find((candidate) => candidate.ts === id);
    if (!message) throw new MessageNotFoundError(`no message ${id} in ${channel}`);
    const apiMessage = toApiMessage(message, all, { includeMetadata: false, teamId: slack.workspace.teamId });
    // Slack marks the bot's messages so apps can tell them from people's.
    if (message.bot_id) apiMessage['subtype'] = 'bot_message';
    return {
      channel,
      key,
      ts: message.ts,
      ...(message.thread_ts && message.thread_ts !== message.ts ? { threadTs: message.thread_ts } : {}),
      isEphemeral: false,
      user: message.user,
      apiMessage,
    };
  }
  if (kind === 'e') {
    const ephemeral = slack.ephemerals()[Number(id)];
    if (!ephemeral || ephemeral.channel !== channel)
      throw new MessageNotFoundError(`no ephemeral ${id} in ${channel}`);
    return {
      channel,
      key,
      ts: ephemeral.message_ts,
      ...(ephemeral.thread_ts ? { threadTs: ephemeral.thread_ts } : {}),
      isEphemeral: true,
      user: slack.workspace.botUserId,
    };
  }
  if (kind === 'r') {
    const post = slack.responses()[Number(id)];
    if (!post || post.channel !== channel) throw new MessageNotFoundError(`no reply ${id} in ${channel}`);
    return {
      channel,
      key,
      ts: tsFor(post.at),
      isEphemeral: post.responseType === 'ephemeral',
      user: slack.workspace.botUserId,
    };
  }
  throw new MessageNotFoundError(`"${key}" names no message`);
}

/** The `channel` object of payloads: `{ id, name }` (Slack names DMs `directmessage`). */
export function payloadChannel(slack: SlackEmulator, channelId: string): { id: string; name: string } {
  const channel = slack.channel(channelId);
  if (!channel) return { id: channelId, name: channelId };
  if (channelId.startsWith('D')) return { id: channelId, name: 'directmessage' };
  return { id: channel.id, name: channel.isPrivate ? 'privategroup' : channel.name };
}
