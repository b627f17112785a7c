import type { RdsPort } from '../aws/rds-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { SnapshotOutcome, SnapshotWatchRecord } from '../store/snapshot-watch-store.ts';
import type { Store } from '../store/store.ts';
import { SingleFlight } from '../work/single-flight.ts';

export type { SnapshotOutcome as SnapshotWatchOutcome, SnapshotWatchRecord };

/** A snapshot just started, to watch. */
export type SnapshotWatchItem = Pick<
  SnapshotWatchRecord,
  'seq' | 'kind' | 'snapshotId' | 'sourceId' | 'startedBy' | 'startedAt'
>;

export interface SnapshotWatchDeps {
  rds: Pick<RdsPort, 'describeSnapshot' | 'describeClusterSnapshot'>;
  /** The port of the account the watched incident is in; absent: `rds`. */
  rdsOf?: (seq: number) => Promise<Pick<RdsPort, 'describeSnapshot' | 'describeClusterSnapshot'>>;
  store: Pick<Store, 'snapshotWatches'>;
  clock: Clock;
  logger: Logger;
  /** Tells the timeline and the card's thread; a throw leaves the report to be tried again. */
  onOutcome: (watch: SnapshotWatchRecord, outcome: SnapshotOutcome) => Promise<void>;
  /** How often (real ms) due checks are looked for; the checks themselves follow the injected clock. */
  tickMs?: number;
}

/** First look after 15 s, then twice as long each time, at most every 5 minutes (clock time). */
const FIRST_DELAY_MS = 15_000;
const MAX_DELAY_MS = 5 * 60_000;
/** A snapshot of a big DB can take hours; past this warroom says so and stops asking. */
const GIVE_UP_AFTER_MS = 6 * 60 * 60_000;
/** A claimed report not finished by then (a crash, Slack down) is taken again. */
const REPORT_LEASE_MS = 60_000;
/** Tries at one report before it is logged as lost and the watch ends. */
const MAX_REPORT_ATTEMPTS = 5;

/**
 * Follows snapshots until they are available, with backoff measured on the injected clock, so a
 * test moves a snapshot along by advancing the clock instead of sleeping. Every watch is in the
 * store: `resume()` after a restart picks them up again, and each outcome is claimed before it is
 * reported, so it is reported once (a crash between posting and recording can post it again).
 * A cheap real-time tick looks for due watches only while some are not done.
 */
export class SnapshotWatch {
  private readonly flight = new SingleFlight(() => this.drain());
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: SnapshotWatchDeps) {}

  async add(item: SnapshotWatchItem): Promise<void> {
    const nextCheckAt = new Date(this.deps.clock.now().getTime() + FIRST_DELAY_MS);
    await this.deps.store.snapshotWatches.add({ ...item, nextCheckAt, delayMs: FIRST_DELAY_MS });
    this.startTimer();
  }

  /** Follows again the watches a previous run left (at start-up). */
  async resume(): Promise<void> {
    if ((await this.deps.store.snapshotWatches.countActive()) > 0) this.startTimer();
    await this.tick();
  }

  /** Looks at every due watch once; a tick during a pass asks for one more pass. */
  tick(): Promise<void> {
    return this.flight.kick();
  }

  idle(): Promise<void> {
    return this.flight.idle();
  }

  get busy(): boolean {
    return this.flight.busy;
  }

  stop(): void {
    this.stopped = true;
    this.stopTimer();
  }

  private startTimer(): void {
    if (this.stopped || this.timer) return;
    const tick = () =>
      this.tick().catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, 'snapshot watch pass failed'),
      );
    this.timer = setInterval(tick, this.deps.tickMs ?? 1000);
    this.timer.unref();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    const watches = this.deps.store.snapshotWatches;
    for (const watch of await watches.listDue(this.deps.clock.now(), 50)) {
      try {
        await this.follow(watch);
      } catch (error) {
        this.deps.logger.warn({ err: error, snapshotId: watch.snapshotId }, 'could not follow a snapshot');
      }
    }
    if ((await watches.countActive()) === 0) this.stopTimer();
  }

  private async follow(watch: SnapshotWatchRecord): Promise<void> {
    const { store, clock, logger } = this.deps;
    const now = clock.now();
    const outcome = (watch.status === 'reporting' && watch.outcome) || (await this.look(watch, now));
    if (!outcome) return;
    const leaseUntil = new Date(now.getTime() + REPORT_LEASE_MS);
    if (!(await store.snapshotWatches.claimReport(watch, outcome, now, leaseUntil))) return;
    try {
      await this.deps.onOutcome(watch, outcome);
      await store.snapshotWatches.finish(watch, clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (watch.reportAttempts + 1 >= MAX_REPORT_ATTEMPTS) {
        logger.error({ err: error, snapshotId: watch.snapshotId }, 'gave up reporting a snapshot');
        await store.snapshotWatches.finish(watch, clock.now(), message);
      } else {
        logger.warn({ err: error, snapshotId: watch.snapshotId }, 'could not report a snapshot; will retry');
        await store.snapshotWatches.recordReportFailure(watch, message);
      }
    }
  }

  /** One DescribeDB(Cluster)Snapshots: the outcome, or the next look recorded. */
  private async look(watch: SnapshotWatchRecord, now: Date): Promise<SnapshotOutcome | undefined> {
    try {
      const rds = (await this.deps.rdsOf?.(watch.seq)) ?? this.deps.rds;
      const snapshot =
        watch.kind === 'instance'
          ? await rds.describeSnapshot(watch.snapshotId)
          : await rds.describeClusterSnapshot(watch.snapshotId);
      if (snapshot.status === 'available') return { kind: 'available' };
      if (['failed', 'incompatible-restore', 'deleted'].includes(snapshot.status))
        return { kind: 'failed', status: snapshot.status };
    } catch (error) {
      if (isBotError(error) && error.code === 'AWS.NOT_FOUND') return { kind: 'gone' };
      // Throttling or an outage: keep following, on the same backoff.
      this.deps.logger.warn(
        { err: error, snapshotId: watch.snapshotId },
        'could not read a snapshot; will retry',
      );
    }
    if (now.getTime() - watch.startedAt.getTime() >= GIVE_UP_AFTER_MS) return { kind: 'gave-up' };
    const delayMs = Math.min(watch.delayMs * 2, MAX_DELAY_MS);
    await this.deps.store.snapshotWatches.recordLook(watch, new Date(now.getTime() + delayMs), delayMs);
    return undefined;
  }
}
