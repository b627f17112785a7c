import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { ContactDirectory, ResolvedContact } from './contact-directory.ts';
import type { OnCallResolver } from './on-call-resolver.ts';
import type { PageFailure } from './page-failures.ts';
import type { NotifyTarget } from './policy.ts';

/** Whom a page reaches: mentioned in the thread, DM'd, engaged; and the targets it cannot reach. */
export interface PageTargets {
  mentioned: string[];
  users: string[];
  contacts: ResolvedContact[];
  failures: PageFailure[];
}

export interface PageTargetDeps {
  slack: Pick<SlackGateway, 'usergroupUsers' | 'userExists'>;
  onCall: OnCallResolver;
  logger: Logger;
  directory?: ContactDirectory;
}

/**
 * Rotations become whoever is on call now; groups are mentioned as groups and DM'd per member;
 * a user Slack does not know, an empty or unknown group, a rotation nobody is on and an unknown
 * contact are failures, found before anything is said to have been paged.
 */
export async function resolvePageTargets(
  deps: PageTargetDeps,
  targets: readonly NotifyTarget[],
  now: Date,
): Promise<PageTargets> {
  const resolved: PageTargets = { mentioned: [], users: [], contacts: [], failures: [] };
  const reach = (mention: string, users: readonly string[]) => {
    resolved.mentioned.push(mention);
    resolved.users.push(...users);
  };
  for (const target of new Set(targets)) {
    if (target.startsWith('rotation:')) {
      const rotation = target.slice('rotation:'.length);
      const { userId: user, failure } = await deps.onCall.currentFor(rotation, now);
      if (failure) resolved.failures.push({ target, reason: 'rotation-unreadable', detail: failure });
      else if (!user) resolved.failures.push({ target, reason: 'nobody-on-call' });
      else if (await knownUser(deps, user)) reach(user, [user]);
      else resolved.failures.push({ target: user, reason: 'unknown-user', detail: 'user_not_found' });
    } else if (target.startsWith('contact:')) {
      // The contact is engaged in SSM Contacts; its Slack user (same email) is mentioned and DM'd.
      const found = await deps.directory?.resolve(target);
      if (!found?.contact) resolved.failures.push({ target, reason: 'unknown-contact' });
      else {
        resolved.contacts.push(found);
        reach(found.slackUser ?? target, found.slackUser ? [found.slackUser] : []);
      }
    } else if (target.startsWith('S')) {
      const members = await groupMembers(deps, target);
      if (members.kind === 'unknown')
        resolved.failures.push({ target, reason: 'unknown-group', detail: 'no_such_subteam' });
      else if (members.kind === 'unlisted') reach(target, []);
      else if (members.users.length === 0) resolved.failures.push({ target, reason: 'empty-group' });
      else reach(target, members.users);
    } else if (await knownUser(deps, target)) reach(target, [target]);
    else resolved.failures.push({ target, reason: 'unknown-user', detail: 'user_not_found' });
  }
  return {
    ...resolved,
    mentioned: [...new Set(resolved.mentioned)],
    users: [...new Set(resolved.users)],
  };
}

/** Slack could not be asked (down, rate limited): assume the user exists and let the DM tell. */
async function knownUser(deps: PageTargetDeps, user: string): Promise<boolean> {
  try {
    return await deps.slack.userExists(user);
  } catch (error) {
    deps.logger.warn({ err: error, user }, 'could not check a paged user');
    return true;
  }
}

/** A group Slack could not list for another reason is still mentioned: the thread may reach it. */
async function groupMembers(
  deps: PageTargetDeps,
  groupId: string,
): Promise<{ kind: 'unknown' } | { kind: 'unlisted' } | { kind: 'members'; users: string[] }> {
  try {
    return { kind: 'members', users: await deps.slack.usergroupUsers(groupId) };
  } catch (error) {
    if (error instanceof BotError && error.code === 'SLACK.NO_SUCH_SUBTEAM') return { kind: 'unknown' };
    deps.logger.warn({ err: error, groupId }, 'could not list a user group to DM its members');
    return { kind: 'unlisted' };
  }
}
