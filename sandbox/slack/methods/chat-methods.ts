import { SlackApiError } from '../api-error.ts';
import { optionalBoolean, optionalString, requireString } from '../arg-readers.ts';
import { readMessageContent, requireSomeContent, toApiMessage } from '../message-content.ts';
import { type MethodContext, type MethodHandler, requireScope, resolveChannel } from '../method-context.ts';
import type { ChannelState } from '../slack-state.ts';
import type { StoredMessage } from '../types.ts';

/** chat.postMessage, chat.update, chat.postEphemeral and chat.getPermalink. */

/** The bot may post in channels it is in, and in public ones with chat:write.public. */
function requireCanPost(context: MethodContext, channel: ChannelState): void {
  if (channel.members.has(context.workspace.botUserId)) return;
  if (channel.isPrivate || !context.scopes.has('chat:write.public'))
    throw new SlackApiError('not_in_channel');
}

function apiMessage(context: MethodContext, message: StoredMessage) {
  return toApiMessage(message, context.state.channelMessages(message.channel), {
    includeMetadata: true,
    teamId: context.workspace.teamId,
  });
}

const postMessage: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  requireScope(context, 'chat:write');
  const channel = resolveChannel(context, optionalString(args, 'channel'), true);
  requireCanPost(context, channel);
  const content = readMessageContent(args);
  requireSomeContent(content);
  const threadTs = optionalString(args, 'thread_ts');
  let rootTs: string | undefined;
  if (threadTs !== undefined && threadTs !== '') {
    const parent = state.findMessage(channel.id, threadTs);
    if (!parent) throw new SlackApiError('thread_not_found');
    rootTs = parent.thread_ts ?? parent.ts;
  }
  const message: StoredMessage = {
    type: 'message',
    ts: state.nextTs(),
    channel: channel.id,
    text: content.text ?? '',
    user: workspace.botUserId,
    bot_id: workspace.botId,
    app_id: workspace.appId,
  };
  if (content.blocks) message.blocks = content.blocks;
  if (content.metadata) message.metadata = content.metadata;
  if (rootTs) {
    message.thread_ts = rootTs;
    if (optionalBoolean(args, 'reply_broadcast')) message.reply_broadcast = true;
  }
  state.addMessage(message);
  return { channel: channel.id, ts: message.ts, message: apiMessage(context, message) };
};

const update: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  requireScope(context, 'chat:write');
  const channel = resolveChannel(context, optionalString(args, 'channel'));
  const ts = requireString(args, 'ts', 'message_not_found');
  const message = state.findMessage(channel.id, ts);
  if (!message) throw new SlackApiError('message_not_found');
  if (message.user !== workspace.botUserId) throw new SlackApiError('cant_update_message');
  const content = readMessageContent(args);
  requireSomeContent(content);
  // Slack: blocks replace blocks; text without blocks drops the old blocks.
  if (content.blocks) message.blocks = content.blocks;
  else if (content.text !== undefined) delete message.blocks;
  if (content.text !== undefined) message.text = content.text;
  if (content.metadata) message.metadata = content.metadata;
  message.edited = { user: workspace.botUserId, ts: state.nextTs() };
  return { channel: channel.id, ts, text: message.text, message: apiMessage(context, message) };
};

const postEphemeral: MethodHandler = (context) => {
  const { args, state } = context;
  requireScope(context, 'chat:write');
  const channel = resolveChannel(context, optionalString(args, 'channel'), true);
  const user = requireString(args, 'user', 'user_not_found');
  if (!state.findUser(user)) throw new SlackApiError('user_not_found');
  requireCanPost(context, channel);
  if (!channel.members.has(user)) throw new SlackApiError('user_not_in_channel');
  const content = readMessageContent(args);
  requireSomeContent(content);
  const messageTs = state.nextTs();
  const threadTs = optionalString(args, 'thread_ts');
  state.ephemerals.push({
    channel: channel.id,
    user,
    message_ts: messageTs,
    text: content.text ?? '',
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { message_ts: messageTs };
};

const getPermalink: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  const channel = resolveChannel(context, optionalString(args, 'channel'));
  const ts = requireString(args, 'message_ts', 'message_not_found');
  const message = state.findMessage(channel.id, ts);
  if (!message) throw new SlackApiError('message_not_found');
  let permalink = `https://${workspace.teamDomain}.slack.com/archives/${channel.id}/p${ts.replace('.', '')}`;
  if (message.thread_ts && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${channel.id}`;
  }
  return { channel: channel.id, permalink };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
};
