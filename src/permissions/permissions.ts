import type { Clock } from '../clock.ts';
import type { PermissionAction } from '../config/config.ts';
import type { Logger } from '../logger.ts';

export interface UserGroupDirectory {
  /** Member user ids of a Slack user group (usergroups.users.list). */
  usersOf(groupId: string): Promise<string[]>;
}

export interface PermissionsDeps {
  rules: Record<PermissionAction, string[]>;
  groups: UserGroupDirectory;
  clock: Clock;
  logger: Logger;
  /** How long a user group's members are cached; Tier-2 rate limits make every-click lookups unwise. */
  cacheMs?: number;
}

/**
 * `permissions.<action>` lists user ids (U…/W…), user-group ids (S…) or "*". A user is allowed
 * when listed, or a member of a listed group. A group that cannot be read allows nobody through
 * it (and is logged): a Slack outage must not open permissions.
 */
export class Permissions {
  private readonly cache = new Map<string, { members: Set<string>; until: number }>();

  constructor(private readonly deps: PermissionsDeps) {}

  async allows(action: PermissionAction, userId: string): Promise<boolean> {
    const rule = this.deps.rules[action];
    if (rule.includes('*') || rule.includes(userId)) return true;
    for (const groupId of rule.filter((entry) => entry.startsWith('S'))) {
      if ((await this.members(groupId)).has(userId)) return true;
    }
    return false;
  }

  private async members(groupId: string): Promise<Set<string>> {
    const now = this.deps.clock.now().getTime();
    const cached = this.cache.get(groupId);
    if (cached && cached.until > now) return cached.members;
    try {
      const members = new Set(await this.deps.groups.usersOf(groupId));
      this.cache.set(groupId, { members, until: now + (this.deps.cacheMs ?? 5 * 60_000) });
      return members;
    } catch (error) {
      this.deps.logger.error({ err: error, groupId }, 'could not read a user group named in permissions');
      return cached?.members ?? new Set();
    }
  }
}
