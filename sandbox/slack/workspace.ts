/** The fixed part of the local Slack workspace: team, bot identity, users, channels and user groups. */

export interface WorkspaceUser {
  id: string;
  name: string;
  realName: string;
  email?: string;
  isBot?: boolean;
}

export interface WorkspaceChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** User ids in the channel; include the bot user for the bot to be a member. */
  members?: string[];
}

export interface WorkspaceUsergroup {
  id: string;
  handle: string;
  users: string[];
}

export interface WorkspaceOptions {
  teamId?: string;
  teamName?: string;
  /** Subdomain used in permalinks and auth.test's url: https://<teamDomain>.slack.com/ */
  teamDomain?: string;
  botUserId?: string;
  botName?: string;
  botId?: string;
  appId?: string;
  users?: WorkspaceUser[];
  channels?: WorkspaceChannel[];
  usergroups?: WorkspaceUsergroup[];
  /** What the plan allows of canvases (default `paid`): see methods/canvas-methods.ts. */
  canvases?: CanvasPlan;
}

/** `paid`: canvases as documented; `free`: a free plan's limits; `disabled`: canvases are off. */
export type CanvasPlan = 'paid' | 'free' | 'disabled';

export interface Workspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botName: string;
  botId: string;
  appId: string;
  /** Humans and the bot user. */
  users: WorkspaceUser[];
  channels: Required<WorkspaceChannel>[];
  usergroups: WorkspaceUsergroup[];
  canvases: CanvasPlan;
}

export const DEFAULT_USERS: WorkspaceUser[] = [
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Archer', email: 'alice@example.com' },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Baker', email: 'bob@example.com' },
  { id: 'U0CAROL', name: 'carol', realName: 'Carol Chen', email: 'carol@example.com' },
];

/**
 * Fills in defaults: team T0WARROOM, bot U0WARBOT, users alice/bob/carol, channel C0ALERTS
 * "alerts" (the bot and every default user are members) and user group S0SRE = [U0ALICE].
 */
export function buildWorkspace(options: WorkspaceOptions = {}): Workspace {
  const teamName = options.teamName ?? 'warroom';
  const botUserId = options.botUserId ?? 'U0WARBOT';
  const botName = options.botName ?? 'warroom';
  const humans = options.users ?? DEFAULT_USERS;
  const channels = options.channels ?? [
    { id: 'C0ALERTS', name: 'alerts', members: [botUserId, ...humans.map((user) => user.id)] },
  ];
  const users = humans.some((user) => user.id === botUserId)
    ? humans
    : [...humans, { id: botUserId, name: botName, realName: botName, isBot: true }];
  return {
    teamId: options.teamId ?? 'T0WARROOM',
    teamName,
    teamDomain: options.teamDomain ?? (teamName.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'workspace'),
    botUserId,
    botName,
    botId: options.botId ?? 'B0WARBOT',
    appId: options.appId ?? 'A0WARROOM',
    users,
    channels: channels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      isPrivate: channel.isPrivate ?? false,
      members: [...(channel.members ?? [])],
    })),
    usergroups: options.usergroups ?? [{ id: 'S0SRE', handle: 'sre', users: ['U0ALICE'] }],
    canvases: options.canvases ?? 'paid',
  };
}
