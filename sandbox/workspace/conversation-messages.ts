import type { SlackEmulator } from '../slack/slack-emulator.ts';
import type { SharedFile, StoredMessage } from '../slack/types.ts';
import type { OriginEffects } from './response-origins.ts';
import type { UiFile, UiMessage } from './ui-contract.ts';
import type { UserReactions } from './user-reactions.ts';

export interface MessageSources {
  slack: SlackEmulator;
  reactions: UserReactions;
  effects: OriginEffects;
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/** A Slack ts for a moment: `1700000000.123000`, so replies sort among messages. */
export function tsFor(at: Date): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

function toUiFile(file: SharedFile): UiFile {
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    url: `/files/${encodeURIComponent(file.id)}`,
    isImage: IMAGE.test(file.name),
  };
}

function fromHistory(message: StoredMessage, all: StoredMessage[], sources: MessageSources): UiMessage {
  const key = `h:${message.ts}`;
  const replaced = sources.effects.replaced.get(`${message.channel}|${key}`);
  const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const replies = isReply
    ? []
    : all.filter((other) => other.thread_ts === message.ts && other.ts !== message.ts);
  return {
    key,
    origin: 'history',
    channel: message.channel,
    ts: message.ts,
    ...(isReply ? { threadTs: message.thread_ts } : {}),
    user: message.user,
    isBot: message.bot_id !== undefined,
    text: replaced ? (replaced.text ?? '') : message.text,
    ...(replaced
      ? replaced.blocks
        ? { blocks: replaced.blocks as UiMessage['blocks'] }
        : {}
      : message.blocks
        ? { blocks: message.blocks }
        : {}),
    files: (message.files ?? []).map(toUiFile),
    reactions: sources.reactions.merged(message.channel, message.ts, message.reactions),
    edited: message.edited !== undefined || replaced !== undefined,
    replyCount: replies.length,
    onlyVisibleToYou: false,
  };
}

/**
 * One conversation as `userId` sees it: its history (edits applied), the ephemeral messages and
 * response_url replies meant for them (in_channel replies for everyone), oldest first.
 */
export function messagesFor(sources: MessageSources, channel: string, userId: string): UiMessage[] {
  const { slack, effects } = sources;
  const history = slack.messages(channel);
  const shown: UiMessage[] = history
    .map((message) => fromHistory(message, history, sources))
    .filter((message) => !effects.hidden.has(`${channel}|${message.key}`));
  slack.ephemerals().forEach((ephemeral, index) => {
    if (ephemeral.channel !== channel || ephemeral.user !== userId) return;
    const key = `e:${index}`;
    if (effects.hidden.has(`${channel}|${key}`)) return;
    shown.push({
      key,
      origin: 'ephemeral',
      channel,
      ts: ephemeral.message_ts,
      ...(ephemeral.thread_ts ? { threadTs: ephemeral.thread_ts } : {}),
      user: slack.workspace.botUserId,
      isBot: true,
      text: ephemeral.text,
      ...(ephemeral.blocks ? { blocks: ephemeral.blocks } : {}),
      files: [],
      reactions: [],
      edited: false,
      replyCount: 0,
      onlyVisibleToYou: true,
    });
  });
  slack.responses().forEach((post, index) => {
    const forEveryone = post.responseType === 'in_channel';
    if (post.channel !== channel || (!forEveryone && post.userId !== userId)) return;
    const key = `r:${index}`;
    if (effects.hidden.has(`${channel}|${key}`)) return;
    shown.push({
      key,
      origin: 'response',
      channel,
      ts: tsFor(post.at),
      user: slack.workspace.botUserId,
      isBot: true,
      text: post.text ?? '',
      ...(post.blocks ? { blocks: post.blocks as UiMessage['blocks'] } : {}),
      files: [],
      reactions: [],
      edited: false,
      replyCount: 0,
      onlyVisibleToYou: !forEveryone,
    });
  });
  // Every ts has ten digits, a dot and six: as strings they sort as the moments they name.
  return shown.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}
