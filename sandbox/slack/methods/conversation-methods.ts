import { SlackApiError } from '../api-error.ts';
import { optionalBoolean, optionalList, optionalString } from '../arg-readers.ts';
import {
  type MethodHandler,
  requireBotMember,
  requireScope,
  resolveChannel,
  scopeFor,
  toConversation,
} from '../method-context.ts';

/** conversations.info, .create, .invite, .join and .open (direct messages). */

export const MAX_CHANNEL_NAME = 80;

/** Slack's channel-name rules, in the order Slack reports them. */
export function checkChannelName(name: string | undefined): string {
  if (name === undefined || name === '') throw new SlackApiError('invalid_name_required');
  if (name.length > MAX_CHANNEL_NAME) throw new SlackApiError('invalid_name_maxlength');
  if (/[^a-z0-9_-]/.test(name)) throw new SlackApiError('invalid_name_specials');
  if (/^[-_]+$/.test(name)) throw new SlackApiError('invalid_name_punctuation');
  return name;
}

const info: MethodHandler = (context) => {
  const channel = resolveChannel(context, optionalString(context.args, 'channel'));
  requireScope(context, scopeFor(channel, 'read'));
  return { channel: toConversation(context, channel) };
};

const create: MethodHandler = (context) => {
  const { args, state, workspace, clock } = context;
  const isPrivate = optionalBoolean(args, 'is_private') ?? false;
  requireScope(context, isPrivate ? 'groups:write' : 'channels:manage');
  const name = checkChannelName(optionalString(args, 'name'));
  if (state.findChannelByName(name)) throw new SlackApiError('name_taken');
  const channel = {
    id: state.nextId('C'),
    name,
    isPrivate,
    members: new Set([workspace.botUserId]),
    created: Math.floor(clock.now().getTime() / 1000),
    creator: workspace.botUserId,
  };
  state.channels.set(channel.id, channel);
  return { channel: toConversation(context, channel) };
};

const invite: MethodHandler = (context) => {
  const { args, state, workspace } = context;
  const channel = resolveChannel(context, optionalString(args, 'channel'));
  requireScope(context, scopeFor(channel, 'manage'));
  const users = optionalList(args, 'users') ?? [];
  if (users.length === 0) throw new SlackApiError('no_user');
  if (users.length > 1000) throw new SlackApiError('too_many_users');
  requireBotMember(context, channel);
  const errors = users.flatMap((user) => {
    const error = !state.findUser(user)
      ? 'user_not_found'
      : user === workspace.botUserId
        ? 'cant_invite_self'
        : channel.members.has(user)
          ? 'already_in_channel'
          : undefined;
    return error ? [{ user, ok: false, error }] : [];
  });
  const first = errors[0];
  // Without `force`, Slack invites nobody when any user fails.
  if (first) throw new SlackApiError(first.error, { errors });
  for (const user of users) channel.members.add(user);
  return { channel: toConversation(context, channel) };
};

const join: MethodHandler = (context) => {
  const channel = resolveChannel(context, optionalString(context.args, 'channel'));
  requireScope(context, 'channels:join');
  if (channel.isPrivate) throw new SlackApiError('method_not_supported_for_channel_type');
  const bot = context.workspace.botUserId;
  if (channel.members.has(bot)) {
    return {
      channel: toConversation(context, channel),
      warning: 'already_in_channel',
      response_metadata: { warnings: ['already_in_channel'] },
    };
  }
  channel.members.add(bot);
  return { channel: toConversation(context, channel) };
};

/** conversations.open with one user: the bot's DM with them, the same id each time. */
const open: MethodHandler = (context) => {
  const { args, state, workspace, clock } = context;
  requireScope(context, 'im:write');
  const users = optionalList(args, 'users') ?? [];
  const user = users[0];
  if (users.length !== 1 || !user)
    throw new SlackApiError(users.length === 0 ? 'users_list_not_supplied' : 'not_supported');
  const found = state.findUser(user);
  if (!found) throw new SlackApiError('user_not_found');
  // Slack opens no DM between a bot and a bot user (the app itself included).
  if (found.isBot) throw new SlackApiError('cannot_dm_bot');
  const id = `D${user.replace(/^[UW]/, '')}`;
  if (!state.channels.has(id)) {
    state.channels.set(id, {
      id,
      name: id,
      isPrivate: true,
      isIm: true,
      members: new Set([workspace.botUserId, user]),
      created: Math.floor(clock.now().getTime() / 1000),
      creator: workspace.botUserId,
    });
  }
  return { channel: { id, is_im: true, user } };
};

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.info': info,
  'conversations.create': create,
  'conversations.invite': invite,
  'conversations.join': join,
  'conversations.open': open,
};
