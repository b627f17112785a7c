import { SlackApiError } from '../api-error.ts';
import { optionalString } from '../arg-readers.ts';
import { type MethodContext, type MethodHandler, requireScope } from '../method-context.ts';
import type { JsonObject } from '../types.ts';
import type { WorkspaceUser } from '../workspace.ts';

/** auth.test, users.info, users.lookupByEmail and usergroups.users.list. */

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
  'users.lookupByEmail': lookupByEmail,
  'usergroups.users.list': usergroupUsers,
};
