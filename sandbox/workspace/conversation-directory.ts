import type { ChannelSnapshot, SlackEmulator } from '../slack/slack-emulator.ts';
import type { UiConversation } from './ui-contract.ts';

/** The methods whose answers name a conversation made at run time (incident channels, DMs). */
const CREATING_METHODS = new Set(['conversations.create', 'conversations.open']);

/**
 * Every conversation the local workspace has now: the configured channels, then those warroom
 * created or opened (read from the emulator's answers, in the order they were made).
 */
export function allConversations(slack: SlackEmulator): ChannelSnapshot[] {
  const ids = slack.workspace.channels.map((channel) => channel.id);
  for (const call of slack.calls) {
    if (!call.ok || !CREATING_METHODS.has(call.method)) continue;
    const channel = call.response['channel'] as { id?: unknown } | undefined;
    if (typeof channel?.id === 'string' && !ids.includes(channel.id)) ids.push(channel.id);
  }
  return ids.flatMap((id) => {
    const channel = slack.channel(id);
    return channel ? [channel] : [];
  });
}

/** A direct message conversation between the bot and one person (conversations.open makes `D…`). */
export function isDirectMessage(channel: ChannelSnapshot): boolean {
  return channel.id.startsWith('D');
}

/**
 * What `userId` sees in the sidebar, as Slack shows it: public channels, private channels they
 * are in, and their own direct message with the app.
 */
export function conversationsFor(slack: SlackEmulator, userId: string): UiConversation[] {
  return allConversations(slack).flatMap((channel): UiConversation[] => {
    const member = channel.members.includes(userId);
    if (isDirectMessage(channel)) {
      return member
        ? [{ id: channel.id, label: slack.workspace.botName, kind: 'im', members: channel.members }]
        : [];
    }
    if (channel.isPrivate && !member) return [];
    return [
      {
        id: channel.id,
        label: channel.name,
        kind: channel.isPrivate ? 'private' : 'channel',
        members: channel.members,
      },
    ];
  });
}
