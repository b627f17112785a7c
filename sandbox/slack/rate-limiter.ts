import type { Clock } from '../../src/clock.ts';
import type { CallArgs } from './types.ts';

/**
 * Slack's rate limits as token buckets over the injected clock (per method, per workspace, as
 * Slack applies them to one app). A bucket holds `capacity` calls and refills `perMinute` a minute;
 * an empty bucket answers 429 with `Retry-After` = whole seconds until one call is available (≥ 1).
 *
 * Choices (Slack publishes tiers as "N+ per minute" with bursts tolerated, docs.slack.dev/apis/web-api/rate-limits):
 * - Tier 2/3/4: 20/50/100 a minute, a burst of one minute's worth.
 * - Tier 1 (apps.connections.open): 1 a minute with a burst of 5, so an app can reconnect a few
 *   times in a row ("a small amount of burst behavior is tolerated").
 * - chat.postMessage ("special"): 1 a second per channel with a burst of 5 (Slack: "one message per
 *   second per channel… short bursts allowed, not guaranteed"), and a workspace-wide 300 a minute
 *   with a burst of 30 (Slack names a workspace limit without a number).
 */

export interface BucketSpec {
  capacity: number;
  perMinute: number;
}

export const TIER_1: BucketSpec = { capacity: 5, perMinute: 1 };
export const TIER_2: BucketSpec = { capacity: 20, perMinute: 20 };
export const TIER_3: BucketSpec = { capacity: 50, perMinute: 50 };
export const TIER_4: BucketSpec = { capacity: 100, perMinute: 100 };
export const POST_MESSAGE_PER_CHANNEL: BucketSpec = { capacity: 5, perMinute: 60 };
export const POST_MESSAGE_PER_WORKSPACE: BucketSpec = { capacity: 30, perMinute: 300 };

/**
 * Tier of each emulated method, from its page in Slack's method reference
 * (conversations.history/replies: Tier 3, as for internal apps).
 */
export const METHOD_LIMITS: Record<string, BucketSpec> = {
  'apps.connections.open': TIER_1,
  'auth.test': TIER_4,
  'chat.update': TIER_3,
  'chat.postEphemeral': TIER_4,
  'chat.getPermalink': TIER_4,
  'conversations.history': TIER_3,
  'conversations.replies': TIER_3,
  'conversations.info': TIER_3,
  'conversations.create': TIER_2,
  'conversations.invite': TIER_3,
  'conversations.join': TIER_3,
  'conversations.open': TIER_3,
  'users.info': TIER_4,
  'users.list': TIER_2,
  'users.lookupByEmail': TIER_3,
  'usergroups.list': TIER_2,
  'usergroups.users.list': TIER_2,
  'views.open': TIER_4,
  'views.push': TIER_4,
  'views.update': TIER_4,
  'views.publish': TIER_4,
  'reactions.add': TIER_3,
  'files.getUploadURLExternal': TIER_4,
  'files.completeUploadExternal': TIER_4,
};

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Bucket contents are counted in call-milliseconds-per-minute units (one call = 60,000 units, a
 * millisecond refills `perMinute` units), so refills are exact integers and never drift.
 */
const ONE_CALL = 60_000;

interface Bucket {
  spec: BucketSpec;
  units: number;
  updatedMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Takes one call from every bucket the call counts against, or none if any is empty. */
  take(method: string, args: CallArgs): RateDecision {
    const wanted = this.bucketsFor(method, args);
    const nowMs = this.clock.now().getTime();
    const buckets = wanted.map(([key, spec]) => this.refill(key, spec, nowMs));
    const empty = buckets.filter((bucket) => bucket.units < ONE_CALL);
    if (empty.length > 0) {
      const waitsMs = empty.map((bucket) => Math.ceil((ONE_CALL - bucket.units) / bucket.spec.perMinute));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waitsMs) / 1000)) };
    }
    for (const bucket of buckets) bucket.units -= ONE_CALL;
    return { allowed: true };
  }

  reset(): void {
    this.buckets.clear();
  }

  private bucketsFor(method: string, args: CallArgs): Array<[string, BucketSpec]> {
    if (method === 'chat.postMessage') {
      const channel = typeof args['channel'] === 'string' ? args['channel'] : '';
      return [
        [`chat.postMessage#${channel}`, POST_MESSAGE_PER_CHANNEL],
        ['chat.postMessage', POST_MESSAGE_PER_WORKSPACE],
      ];
    }
    const spec = METHOD_LIMITS[method];
    return spec ? [[method, spec]] : [];
  }

  private refill(key: string, spec: BucketSpec, nowMs: number): Bucket {
    const bucket = this.buckets.get(key) ?? { spec, units: spec.capacity * ONE_CALL, updatedMs: nowMs };
    const elapsedMs = Math.max(0, nowMs - bucket.updatedMs);
    bucket.units = Math.min(spec.capacity * ONE_CALL, bucket.units + elapsedMs * spec.perMinute);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);
    return bucket;
  }
}
