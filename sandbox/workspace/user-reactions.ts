import type { Reaction } from '../slack/types.ts';

/**
 * Reactions people add in the UI. The emulator records only the bot's reactions (reactions.add
 * with the bot token) and has no way to add one as a person, so the UI keeps these and shows them
 * beside the emulator's.
 */
export class UserReactions {
  private readonly byMessage = new Map<string, Map<string, Set<string>>>();

  /** Adds the reaction; false when the person had already added it (Slack sends no event then). */
  add(channel: string, ts: string, name: string, userId: string): boolean {
    const key = `${channel}:${ts}`;
    const reactions = this.byMessage.get(key) ?? new Map<string, Set<string>>();
    this.byMessage.set(key, reactions);
    const users = reactions.get(name) ?? new Set<string>();
    reactions.set(name, users);
    if (users.has(userId)) return false;
    users.add(userId);
    return true;
  }

  /** The emulator's reactions on a message merged with the people's. */
  merged(channel: string, ts: string, fromSlack: Reaction[] = []): Reaction[] {
    const result = new Map<string, Set<string>>();
    for (const reaction of fromSlack) result.set(reaction.name, new Set(reaction.users));
    for (const [name, users] of this.byMessage.get(`${channel}:${ts}`) ?? []) {
      const all = result.get(name) ?? new Set<string>();
      for (const user of users) all.add(user);
      result.set(name, all);
    }
    return [...result].map(([name, users]) => ({ name, users: [...users], count: users.size }));
  }
}
