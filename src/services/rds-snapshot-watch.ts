import type { RdsPort } from '../aws/rds-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { DbSnapshotFacts } from '../rds/rds-facts.ts';

/** A snapshot warroom took and reports on when it is done. */
export interface SnapshotWatchItem {
  seq: number;
  kind: 'instance' | 'cluster';
  snapshotId: string;
  sourceId: string;
  startedAt: Date;
}

export type SnapshotWatchOutcome =
  | { kind: 'available'; snapshot: DbSnapshotFacts }
  | { kind: 'failed'; status: string }
  | { kind: 'gone' }
  | { kind: 'gave-up' };

export interface SnapshotWatchDeps {
  rds: Pick<RdsPort, 'describeSnapshot' | 'describeClusterSnapshot'>;
  clock: Clock;
  logger: Logger;
  onOutcome: (item: SnapshotWatchItem, outcome: SnapshotWatchOutcome) => Promise<void>;
  /** How often (real ms) due checks are looked for; the checks themselves follow the injected clock. */
  tickMs?: number;
}

/** First look after 15 s, then twice as long each time, at most every 5 minutes (clock time). */
const FIRST_DELAY_MS = 15_000;
const MAX_DELAY_MS = 5 * 60_000;
/** A snapshot of a big DB can take hours; past this warroom says so and stops asking. */
const GIVE_UP_AFTER_MS = 6 * 60 * 60_000;

interface Pending extends SnapshotWatchItem {
  dueAt: number;
  delayMs: number;
}

/**
 * Follows snapshots until they are available, with backoff measured on the injected clock, so a
 * test moves a snapshot along by advancing the clock instead of sleeping. A cheap real-time tick
 * looks for due checks only while something is watched. Held in memory: after a restart, the
 * snapshot is still on the timeline, but its "available" report is not posted.
 */
export class SnapshotWatch {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly deps: SnapshotWatchDeps) {}

  add(item: SnapshotWatchItem): void {
    const dueAt = this.deps.clock.now().getTime() + FIRST_DELAY_MS;
    this.pending.set(`${item.kind}:${item.snapshotId}`, { ...item, dueAt, delayMs: FIRST_DELAY_MS });
    this.timer ??= setInterval(() => void this.tick(), this.deps.tickMs ?? 1000);
    this.timer.unref();
  }

  get watching(): number {
    return this.pending.size;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Checks every due snapshot once; overlapping ticks are skipped. Public for tests and the sandbox. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const [key, item] of [...this.pending]) {
        const now = this.deps.clock.now().getTime();
        if (item.dueAt > now) continue;
        const outcome = await this.check(item, now);
        if (!outcome) continue;
        this.pending.delete(key);
        await this.deps.onOutcome(item, outcome).catch((error: unknown) => {
          this.deps.logger.error({ err: error, snapshotId: item.snapshotId }, 'could not report a snapshot');
        });
      }
    } finally {
      this.running = false;
      if (this.pending.size === 0) this.stop();
    }
  }

  private async check(item: Pending, now: number): Promise<SnapshotWatchOutcome | undefined> {
    try {
      const { rds } = this.deps;
      const snapshot =
        item.kind === 'instance'
          ? await rds.describeSnapshot(item.snapshotId)
          : await rds.describeClusterSnapshot(item.snapshotId);
      if (snapshot.status === 'available') return { kind: 'available', snapshot };
      if (['failed', 'incompatible-restore', 'deleted'].includes(snapshot.status))
        return { kind: 'failed', status: snapshot.status };
    } catch (error) {
      if (isBotError(error) && error.code === 'AWS.NOT_FOUND') return { kind: 'gone' };
      // Throttling or an outage: keep following, on the same backoff.
      this.deps.logger.warn(
        { err: error, snapshotId: item.snapshotId },
        'could not read a snapshot; will retry',
      );
    }
    if (now - item.startedAt.getTime() >= GIVE_UP_AFTER_MS) return { kind: 'gave-up' };
    item.delayMs = Math.min(item.delayMs * 2, MAX_DELAY_MS);
    item.dueAt = now + item.delayMs;
    return undefined;
  }
}
