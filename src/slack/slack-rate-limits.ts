import type { BucketSpec } from './token-bucket.ts';

/**
 * The limits warroom paces its own Slack calls by, a little under what Slack publishes
 * (docs.slack.dev/apis/web-api/rate-limits: limits apply per method per app per workspace), so it
 * waits before sending rather than meeting a 429:
 * - Tier 2/3/4: Slack allows "20+/50+/100+ per minute" with bursts tolerated; warroom sends 90% of
 *   that, after a burst of about four fifths of a minute's worth. Tier 1 ("1+ per minute"): 1, no burst.
 * - chat.postMessage ("special"): "one message per second per channel", short bursts allowed but not
 *   guaranteed; warroom sends 54 a minute per channel (one per 1.11 s) after a burst of 3. Slack adds
 *   a workspace-wide limit it gives no figure for; warroom keeps to 4 a second after a burst of 20.
 *
 * Whole calls a minute, so a bucket's sums stay exact.
 * - auth.test ("hundreds of requests per minute"): paced as Tier 4.
 */
export const PACED_TIER_1: BucketSpec = { capacity: 1, perMinute: 1 };
export const PACED_TIER_2: BucketSpec = { capacity: 15, perMinute: 18 };
export const PACED_TIER_3: BucketSpec = { capacity: 40, perMinute: 45 };
export const PACED_TIER_4: BucketSpec = { capacity: 80, perMinute: 90 };
export const PACED_POST_PER_CHANNEL: BucketSpec = { capacity: 3, perMinute: 54 };
export const PACED_POST_PER_WORKSPACE: BucketSpec = { capacity: 20, perMinute: 240 };

/** A method Slack has not told us the tier of is paced as Tier 2, what "most methods" allow. */
export const PACED_UNKNOWN_METHOD = PACED_TIER_2;

/** Tier of each method warroom calls (conversations.history/replies: Tier 3, as for internal apps). */
const METHOD_TIERS: Record<string, BucketSpec> = {
  'apps.connections.open': PACED_TIER_1,
  'auth.test': PACED_TIER_4,
  'canvases.access.set': PACED_TIER_3,
  'canvases.create': PACED_TIER_2,
  'canvases.edit': PACED_TIER_3,
  'chat.delete': PACED_TIER_3,
  'chat.getPermalink': PACED_TIER_4,
  'chat.postEphemeral': PACED_TIER_4,
  'chat.update': PACED_TIER_3,
  'conversations.canvases.create': PACED_TIER_2,
  'conversations.create': PACED_TIER_2,
  'conversations.history': PACED_TIER_3,
  'conversations.info': PACED_TIER_3,
  'conversations.invite': PACED_TIER_3,
  'conversations.join': PACED_TIER_3,
  'conversations.open': PACED_TIER_3,
  'conversations.replies': PACED_TIER_3,
  'files.completeUploadExternal': PACED_TIER_4,
  'files.getUploadURLExternal': PACED_TIER_4,
  'reactions.add': PACED_TIER_3,
  'usergroups.list': PACED_TIER_2,
  'usergroups.users.list': PACED_TIER_2,
  'users.info': PACED_TIER_4,
  'users.list': PACED_TIER_2,
  'users.lookupByEmail': PACED_TIER_3,
  'views.open': PACED_TIER_4,
  'views.publish': PACED_TIER_4,
  'views.push': PACED_TIER_4,
  'views.update': PACED_TIER_4,
};

/** One limit a call counts against: its bucket's key and size. */
export interface CallLimit {
  key: string;
  spec: BucketSpec;
}

/**
 * Every limit one call counts against: chat.postMessage its channel's and the workspace's,
 * any other method its own.
 */
export function limitsForCall(method: string, channel: string | undefined): CallLimit[] {
  if (method === 'chat.postMessage') {
    return [
      { key: `chat.postMessage#${channel ?? ''}`, spec: PACED_POST_PER_CHANNEL },
      { key: 'chat.postMessage', spec: PACED_POST_PER_WORKSPACE },
    ];
  }
  return [{ key: method, spec: METHOD_TIERS[method] ?? PACED_UNKNOWN_METHOD }];
}
