import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { type Mention, replaceMentions } from '../slack/mentions.ts';

/** What naming needs from Slack (the SlackGateway in production). */
export interface NameSource {
  personName(userId: string): Promise<string | undefined>;
  listUsergroups(): Promise<{ id: string; handle: string }[]>;
}

/** Names change rarely; an hour keeps Slack calls to a few per incident. */
const TTL_MS = 3_600_000;

interface Cached {
  name: string;
  until: number;
}

/**
 * Names people and groups as people read them outside Slack ("Alice Archer", "@sre"), from a
 * cached users.info / usergroups.list. A lookup that fails falls back to the id in words
 * ("Slack user U0ALICE") and is not cached, so the next write tries again: naming never holds up
 * an Incident Manager write.
 */
export class PeopleNames {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: { slack: NameSource; clock: Clock; logger: Logger }) {}

  /** The name for one mention. */
  async name(mention: Mention): Promise<string> {
    const now = this.deps.clock.now().getTime();
    const key = `${mention.kind}:${mention.id}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.name;
    try {
      const name =
        mention.kind === 'user' ? await this.userName(mention.id) : await this.groupName(mention.id);
      this.cache.set(key, { name, until: now + TTL_MS });
      return name;
    } catch (error) {
      this.deps.logger.warn({ err: error, mention: key }, 'could not name a Slack mention');
      return mention.kind === 'user' ? `Slack user ${mention.id}` : `Slack group ${mention.id}`;
    }
  }

  /** Text with Slack mentions as names and the rest of Slack's markup as plain words. */
  async plainText(text: string): Promise<string> {
    return plainMarkup(await replaceMentions(text, (mention) => this.name(mention)));
  }

  private async userName(id: string): Promise<string> {
    return (await this.deps.slack.personName(id)) ?? `Slack user ${id}`;
  }

  private async groupName(id: string): Promise<string> {
    const groups = await this.deps.slack.listUsergroups();
    const now = this.deps.clock.now().getTime();
    // One listing names every group: keep them all.
    for (const group of groups)
      this.cache.set(`group:${group.id}`, { name: `@${group.handle}`, until: now + TTL_MS });
    const found = groups.find((group) => group.id === id);
    return found ? `@${found.handle}` : `Slack group ${id}`;
  }
}

/** Slack's other `<…>` markup as words: a date as its fallback, a link as `label (url)`, a channel as `#name`. */
export function plainMarkup(text: string): string {
  return text.replace(
    /<(!date\^[^|<>]*\|([^<>]*)|#C[A-Z0-9]+\|([^<>]*)|(https?:[^|<>]*)\|([^<>]*)|!(here|channel|everyone))>/g,
    (...groups: unknown[]) => {
      const [, , dateFallback, channelName, url, label, special] = groups as Array<string | undefined>;
      if (dateFallback !== undefined) return dateFallback;
      if (channelName !== undefined) return `#${channelName}`;
      if (url !== undefined) return label && label !== url ? `${label} (${url})` : url;
      return `@${special}`;
    },
  );
}
