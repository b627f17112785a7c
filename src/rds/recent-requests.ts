/**
 * Request keys seen lately (a slash command's `cmd:<trigger_id>`), so the same request delivered
 * twice posts once. In memory and bounded by age: a redelivery comes within minutes, and a restart
 * forgetting the keys costs at most one repeated post.
 */
export class RecentRequests {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs = 30 * 60_000) {}

  /** True for the first claim of a key within the time to live; false for a repeat. */
  claim(key: string, now: Date): boolean {
    const at = now.getTime();
    for (const [seenKey, expires] of this.seen) if (expires <= at) this.seen.delete(seenKey);
    if (this.seen.has(key)) return false;
    this.seen.set(key, at + this.ttlMs);
    return true;
  }

  /** Forgets a key whose work failed, so a retry may do it. */
  release(key: string): void {
    this.seen.delete(key);
  }
}
