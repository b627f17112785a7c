import { type Clock, systemClock } from '../clock.ts';
import { type CallLimit, limitsForCall } from './slack-rate-limits.ts';
import { TokenBucket } from './token-bucket.ts';

/** A call's place in line: lower rank first (an incident's impact), then first come. */
export interface PaceTicket {
  rank: number;
  order: number;
}

export interface SlackPacerOptions {
  /** Real time: Slack's limits run on it whatever clock incidents keep (tests inject a fake one). */
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** The limits a call counts against (default: Slack's, a little under, see slack-rate-limits). */
  limitsFor?: (method: string, channel: string | undefined) => CallLimit[];
}

interface Waiter {
  buckets: TokenBucket[];
  ticket: PaceTicket;
  release: () => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Holds each Slack call until every limit it counts against has room, so warroom waits before
 * sending instead of meeting a 429. Calls waiting for the same limit go in ticket order (the more
 * severe incident first, then first come); a call waiting on one limit never holds up calls that
 * need only others.
 */
export class SlackPacer {
  private readonly buckets = new Map<string, TokenBucket>();
  /** Sorted by ticket. */
  private readonly waiting: Waiter[] = [];
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limitsFor: (method: string, channel: string | undefined) => CallLimit[];
  private nextOrder = 0;
  private wakeAtMs: number | undefined;

  constructor(options: SlackPacerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.limitsFor = options.limitsFor ?? limitsForCall;
  }

  /** A place in line for one call, kept across its retries so a retry does not lose its turn. */
  ticket(rank: number): PaceTicket {
    this.nextOrder += 1;
    return { rank, order: this.nextOrder };
  }

  /** Resolves once the call may be sent; it is then counted against each of its limits. */
  wait(method: string, channel: string | undefined, ticket: PaceTicket): Promise<void> {
    const buckets = this.limitsFor(method, channel).map((limit) => this.bucket(limit));
    return new Promise<void>((release) => {
      const at = this.waiting.findIndex((other) => comesBefore(ticket, other.ticket));
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { buckets, ticket, release });
      this.pump();
    });
  }

  /** Slack answered 429 all the same: nothing more goes against those limits for `retryAfterMs`. */
  holdOff(method: string, channel: string | undefined, retryAfterMs: number): void {
    const nowMs = this.nowMs();
    for (const limit of this.limitsFor(method, channel)) this.bucket(limit).emptyFor(nowMs, retryAfterMs);
  }

  private pump(): void {
    const nowMs = this.nowMs();
    // A limit someone earlier in line is waiting for is theirs when it refills: later calls wait too.
    const spoken = new Set<TokenBucket>();
    let soonestMs = Number.POSITIVE_INFINITY;
    for (const waiter of [...this.waiting]) {
      if (waiter.buckets.some((bucket) => spoken.has(bucket))) continue;
      const short = waiter.buckets
        .map((bucket) => ({ bucket, ms: bucket.msUntilCall(nowMs) }))
        .filter(({ ms }) => ms > 0);
      if (short.length === 0) {
        for (const bucket of waiter.buckets) bucket.take(nowMs);
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.release();
        continue;
      }
      for (const { bucket, ms } of short) {
        spoken.add(bucket);
        soonestMs = Math.min(soonestMs, ms);
      }
    }
    if (soonestMs !== Number.POSITIVE_INFINITY) this.wakeIn(nowMs, soonestMs);
  }

  private wakeIn(nowMs: number, ms: number): void {
    const at = nowMs + ms;
    if (this.wakeAtMs !== undefined && this.wakeAtMs <= at) return;
    this.wakeAtMs = at;
    void this.sleep(ms).then(() => {
      if (this.wakeAtMs === at) this.wakeAtMs = undefined;
      this.pump();
    });
  }

  private bucket(limit: CallLimit): TokenBucket {
    let bucket = this.buckets.get(limit.key);
    if (!bucket) {
      bucket = new TokenBucket(limit.spec, this.nowMs());
      this.buckets.set(limit.key, bucket);
    }
    return bucket;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

function comesBefore(a: PaceTicket, b: PaceTicket): boolean {
  return a.rank < b.rank || (a.rank === b.rank && a.order < b.order);
}
