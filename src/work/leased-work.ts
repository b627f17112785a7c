import type { Clock } from '../clock.ts';
import type { LeaseStore } from '../store/lease-store.ts';

export interface LeasedWorkOptions {
  leases: LeaseStore;
  /** This replica: unique per process, so a restarted process does not inherit a dead one's leases. */
  owner: string;
  clock: Clock;
  /** How long a lease lasts unrenewed: how long a dead replica's work waits before another takes it. */
  leaseMs: number;
}

/**
 * Runs work under a lease, so that among replicas sharing a store one at a time does it. The
 * lease is renewed while the work runs (a card post waiting its turn under Slack's limits can take
 * longer than a lease) and released when it ends; a replica killed mid-work stops renewing, and
 * its lease runs out `leaseMs` later.
 */
export class LeasedWork {
  private readonly held = new Set<string>();

  constructor(private readonly options: LeasedWorkOptions) {}

  /**
   * Gives up every lease still held: a stop whose grace ran out leaves work unfinished, and the
   * replica taking it over should not wait for these leases to run out.
   */
  async releaseAll(): Promise<void> {
    const { leases, owner } = this.options;
    await Promise.all([...this.held].map((key) => leases.release(key, owner).catch(() => undefined)));
    this.held.clear();
  }

  /** Runs `work` when the lease on `key` is free (or ours); answers 'busy' when another replica holds it. */
  async run(key: string, work: () => Promise<void>): Promise<'done' | 'busy'> {
    const { leases, owner, clock, leaseMs } = this.options;
    const take = () => {
      const now = clock.now();
      return leases.acquire(key, owner, now, new Date(now.getTime() + leaseMs));
    };
    if (!(await take())) return 'busy';
    this.held.add(key);
    const renewal = setInterval(() => {
      take().catch(() => {
        // A failed renewal is retried at the next interval; if none succeeds the lease runs out and
        // the worst case is the work done twice, which every leased task is written to tolerate.
      });
    }, leaseMs / 3);
    renewal.unref();
    try {
      await work();
      return 'done';
    } finally {
      clearInterval(renewal);
      this.held.delete(key);
      await leases.release(key, owner).catch(() => {
        // Not released: it runs out on its own.
      });
    }
  }
}
