import { SlackApiError } from '../api-error.ts';
import { optionalBoolean, optionalInteger, optionalString } from '../arg-readers.ts';
import { type MethodContext, type MethodHandler, requireScope } from '../method-context.ts';
import type { JsonObject } from '../types.ts';
import type { WorkspaceUser } from '../workspace.ts';

/** auth.test, users.info, users.list, users.lookupByEmail, usergroups.list and usergroups.users.list. */

function toUser(context: MethodContext, user: WorkspaceUser): JsonObject {
  const isBot = user.isBot === true;
  const profile: JsonObject = {
    real_name: user.realName,
    display_name: user.name,
    real_name_normalized: user.realName,
    display_name_normalized: user.name,
    team: context.workspace.teamId,
  };
  // Slack shows email only with users:read.email.
  if (user.email && context.scopes.has('users:read.email')) profile['email'] = user.email;
  if (isBot) profile['bot_id'] = context.workspace.botId;
  return {
    id: user.id,
    team_id: context.workspace.teamId,
    name: user.name,
    real_name: user.realName,
    deleted: false,
    is_bot: isBot,
    is_app_user: false,
    is_admin: false,
    is_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    tz: 'Europe/Berlin',
    tz_offset: 3600,
    profile,
  };
}

const authTest: MethodHandler = ({ workspace }) => ({
  url: `https://${workspace.teamDomain}.slack.com/`,
  team: workspace.teamName,
  user: workspace.botName,
  team_id: workspace.teamId,
  user_id: workspace.botUserId,
  bot_id: workspace.botId,
  is_enterprise_install: false,
});

const usersInfo: MethodHandler = (context) => {
  requireScope(context, 'users:read');
  const id = optionalString(context.args, 'user');
  const user = id ? context.state.findUser(id) : undefined;
  if (!user) throw new SlackApiError('user_not_found');
  return { user: toUser(context, user) };
};

const lookupByEmail: MethodHandler = (context) => {
  requireScope(context, 'users:read.email');
  const email = optionalString(context.args, 'email')?.toLowerCase();
  const user = context.workspace.users.find((candidate) => candidate.email?.toLowerCase() === email);
  if (!email || !user) throw new SlackApiError('users_not_found');
  return { user: toUser(context, user) };
};

/** Slack's users.list cursor names where the next page starts; one it did not issue is refused. */
function decodeUsersCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match?.[1]) throw new SlackApiError('invalid_cursor');
  return Number(match[1]);
}

/** users.list: everyone, the bot included, in pages of `limit` (at most 1000) with next_cursor. */
const usersList: MethodHandler = (context) => {
  requireScope(context, 'users:read');
  const cursor = optionalString(context.args, 'cursor');
  const start = cursor ? decodeUsersCursor(cursor) : 0;
  const requested = optionalInteger(context.args, 'limit') ?? 0;
  const limit = requested < 1 ? 1000 : Math.min(requested, 1000);
  const all = context.workspace.users;
  const end = start + limit;
  const next = end < all.length ? Buffer.from(`offset:${end}`).toString('base64') : '';
  return {
    members: all.slice(start, end).map((user) => toUser(context, user)),
    cache_ts: Math.floor(context.clock.now().getTime() / 1000),
    response_metadata: { next_cursor: next },
  };
};

/** usergroups.list: the workspace's groups; their members only with include_users. */
const usergroupsList: MethodHandler = (context) => {
  requireScope(context, 'usergroups:read');
  const withUsers = optionalBoolean(context.args, 'include_users') ?? false;
  return {
    usergroups: context.workspace.usergroups.map((group) => ({
      id: group.id,
      team_id: context.workspace.teamId,
      is_usergroup: true,
      name: group.handle,
      handle: group.handle,
      user_count: group.users.length,
      ...(withUsers ? { users: [...group.users] } : {}),
    })),
  };
};

const usergroupUsers: MethodHandler = (context) => {
  requireScope(context, 'usergroups:read');
  const id = optionalString(context.args, 'usergroup');
  const group = context.workspace.usergroups.find((candidate) => candidate.id === id);
  if (!group) throw new SlackApiError('no_such_subteam');
  return { users: [...group.users] };
};

export const userMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.list': usersList,
  'users.lookupByEmail': lookupByEmail,
  'usergroups.list': usergroupsList,
  'usergroups.users.list': usergroupUsers,
};
