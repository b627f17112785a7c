/** A bucket's size and pace: `capacity` calls at most, refilled `perMinute` calls a minute. */
export interface BucketSpec {
  capacity: number;
  perMinute: number;
}

/**
 * Contents are counted in call-milliseconds-per-minute units (one call = 60,000 units; a
 * millisecond refills `perMinute` units), so refills are exact integers and never drift.
 */
const ONE_CALL = 60_000;

/**
 * One of Slack's rate limits as warroom keeps it: starts full, refills with time, and says how long
 * until it holds a call again. Time is passed in (milliseconds), never read, so tests need no sleeps.
 */
export class TokenBucket {
  private units: number;
  private updatedMs: number;

  constructor(
    readonly spec: BucketSpec,
    nowMs: number,
  ) {
    this.units = spec.capacity * ONE_CALL;
    this.updatedMs = nowMs;
  }

  /** Milliseconds until one call can be taken (0: now). */
  msUntilCall(nowMs: number): number {
    this.refill(nowMs);
    if (this.units >= ONE_CALL) return 0;
    return Math.ceil((ONE_CALL - this.units) / this.spec.perMinute);
  }

  /** Takes one call; the caller checked `msUntilCall` is 0. */
  take(nowMs: number): void {
    this.refill(nowMs);
    this.units -= ONE_CALL;
  }

  /**
   * Slack answered 429 anyway (another process shares the limit, or a figure is off): the bucket
   * holds nothing until `retryAfterMs` from now, and then one call.
   */
  emptyFor(nowMs: number, retryAfterMs: number): void {
    this.refill(nowMs);
    this.units = Math.min(this.units, ONE_CALL - retryAfterMs * this.spec.perMinute);
  }

  private refill(nowMs: number): void {
    const elapsedMs = Math.max(0, nowMs - this.updatedMs);
    this.units = Math.min(this.spec.capacity * ONE_CALL, this.units + elapsedMs * this.spec.perMinute);
    this.updatedMs = Math.max(this.updatedMs, nowMs);
  }
}
