import type { Clock } from '../clock.ts';
import type { PermissionAction } from '../config/config.ts';
import type { Logger } from '../logger.ts';
import type { Denial, PermissionScope } from './denial.ts';

export interface UserGroupDirectory {
  /** Member user ids of a Slack user group (usergroups.users.list). */
  usersOf(groupId: string): Promise<string[]>;
  /** The workspace's user groups with their handles (usergroups.list): a team is the group `@<team>`. */
  listGroups(): Promise<{ id: string; handle: string }[]>;
}

export interface PermissionsDeps {
  rules: Record<PermissionAction, string[]>;
  groups: UserGroupDirectory;
  clock: Clock;
  logger: Logger;
  /** How long a user group's members are cached; Tier-2 rate limits make every-click lookups unwise. */
  cacheMs?: number;
}

const TEAM = 'team:';

/**
 * `permissions.<action>` lists user ids (U…/W…), user-group ids (S…), teams (`team:<name>`) or
 * "*". A user is allowed when listed, a member of a listed group, or a member of a listed team
 * acting on an incident that team owns (`incident.route.team`; with no incident, as for declare,
 * membership alone). A team is the Slack user group whose handle is its name (`@payments`).
 * A group that cannot be read, or a team with no such group, allows nobody through it (and is
 * logged): a Slack outage must not open permissions.
 */
export class Permissions {
  private readonly cache = new Map<string, { members: Set<string>; until: number }>();
  private handles: { byHandle: Map<string, string>; until: number } | undefined;

  constructor(private readonly deps: PermissionsDeps) {}

  async allows(action: PermissionAction, userId: string, incident?: PermissionScope): Promise<boolean> {
    return (await this.refusal(action, userId, incident)) === undefined;
  }

  /** Undefined when `userId` may do `action` (on `incident`), else why not, for the refusal's words. */
  async refusal(
    action: PermissionAction,
    userId: string,
    incident?: PermissionScope,
  ): Promise<Denial | undefined> {
    const rule = this.deps.rules[action];
    if (rule.includes('*') || rule.includes(userId)) return undefined;
    for (const groupId of rule.filter((entry) => entry.startsWith('S'))) {
      if ((await this.members(groupId)).has(userId)) return undefined;
    }
    const teams = rule.filter((entry) => entry.startsWith(TEAM)).map((entry) => entry.slice(TEAM.length));
    const owner = incident?.route?.team;
    for (const team of teams) {
      if (incident && owner !== team) continue;
      if (await this.inTeam(team, userId)) return undefined;
    }
    if (teams.length === 0) return { permission: action };
    return {
      permission: action,
      teams,
      ...(incident ? { incident: { seq: incident.seq, ...(owner ? { team: owner } : {}) } } : {}),
    };
  }

  private async inTeam(team: string, userId: string): Promise<boolean> {
    const groupId = (await this.teamGroups()).get(team);
    if (!groupId) {
      this.deps.logger.warn({ team }, `no Slack user group @${team}: team:${team} allows nobody`);
      return false;
    }
    return (await this.members(groupId)).has(userId);
  }

  /** Team name → user-group id, read with usergroups.list and cached as members are. */
  private async teamGroups(): Promise<Map<string, string>> {
    const now = this.deps.clock.now().getTime();
    if (this.handles && this.handles.until > now) return this.handles.byHandle;
    try {
      const groups = await this.deps.groups.listGroups();
      const byHandle = new Map(groups.map((group) => [group.handle, group.id]));
      this.handles = { byHandle, until: now + this.cacheMs() };
      return byHandle;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not list the user groups that teams in permissions name');
      return this.handles?.byHandle ?? new Map();
    }
  }

  private async members(groupId: string): Promise<Set<string>> {
    const now = this.deps.clock.now().getTime();
    const cached = this.cache.get(groupId);
    if (cached && cached.until > now) return cached.members;
    try {
      const members = new Set(await this.deps.groups.usersOf(groupId));
      this.cache.set(groupId, { members, until: now + this.cacheMs() });
      return members;
    } catch (error) {
      this.deps.logger.error({ err: error, groupId }, 'could not read a user group named in permissions');
      return cached?.members ?? new Set();
    }
  }

  private cacheMs(): number {
    return this.deps.cacheMs ?? 5 * 60_000;
  }
}
