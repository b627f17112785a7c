import type { Clock } from '../clock.ts';
import type { ResourceTags } from './route.ts';

export interface TagCacheLimits {
  /** How long tags read stay fresh: a retag shows within this. */
  readTtlMs: number;
  /** How long a failure is remembered, so a storm of signals does not hammer a refusing API. */
  failureTtlMs: number;
  /** At most this many resources are remembered; the least recently used goes first. */
  maxEntries: number;
}

export const DEFAULT_TAG_CACHE_LIMITS: TagCacheLimits = {
  readTtlMs: 5 * 60_000,
  failureTtlMs: 30_000,
  maxEntries: 1_000,
};

interface Entry {
  tags: ResourceTags;
  expiresAt: number;
}

/**
 * Tags per resource key (its ARN), for a while. Single-flight: while a read is under way, every
 * other caller for the same key shares it, so fifty signals about one database make one call.
 * In memory, per process.
 */
export class TagCache {
  private readonly settled = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<ResourceTags>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: TagCacheLimits = DEFAULT_TAG_CACHE_LIMITS,
  ) {}

  /**
   * The remembered tags, else the ones `read` brings. Failures are values; should `read` reject all
   * the same, that becomes a failure too, so no caller ever sees a throw.
   */
  get(key: string, read: () => Promise<ResourceTags>): Promise<ResourceTags> {
    const entry = this.settled.get(key);
    if (entry && entry.expiresAt > this.clock.now().getTime()) {
      // Re-inserted, so Map order is least recently used first.
      this.settled.delete(key);
      this.settled.set(key, entry);
      return Promise.resolve(entry.tags);
    }
    this.settled.delete(key);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const reading = read()
      .catch(
        (error: unknown): ResourceTags => ({
          state: 'failed',
          reason: `the tag read failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .then((tags) => {
        this.pending.delete(key);
        this.remember(key, tags);
        return tags;
      });
    this.pending.set(key, reading);
    return reading;
  }

  /** How many resources are remembered now (expired ones included until touched or evicted). */
  get size(): number {
    return this.settled.size;
  }

  private remember(key: string, tags: ResourceTags): void {
    const ttl = tags.state === 'failed' ? this.limits.failureTtlMs : this.limits.readTtlMs;
    this.settled.set(key, { tags, expiresAt: this.clock.now().getTime() + ttl });
    while (this.settled.size > this.limits.maxEntries) {
      const oldest = this.settled.keys().next().value;
      if (oldest === undefined) break;
      this.settled.delete(oldest);
    }
  }
}
