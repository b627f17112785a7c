import type { EngagementRecord, NewEngagement } from '../engagement-store.ts';
import type { Item } from './dynamo-table.ts';
import { engagementKey, engagementsOf, iso, OPEN_ENGAGEMENTS } from './keys.ts';

const date = (value: unknown): Date | undefined => (typeof value === 'string' ? new Date(value) : undefined);

/** A new engagement's item: in the open list (gsi1) until stopped, and in its incident's list (gsi2). */
export function engagementItem(engagement: NewEngagement): Item {
  return storedEngagementItem({ ...engagement, stopAttempts: 0 });
}

/** An engagement in any state; `lastError` is the last failed stop, kept beside the port's record. */
export function storedEngagementItem(engagement: EngagementRecord & { lastError?: string }): Item {
  const startedAt = iso(engagement.startedAt);
  return {
    ...engagementKey(engagement.engagementArn),
    engagementArn: engagement.engagementArn,
    seq: engagement.seq,
    dedupeKey: engagement.dedupeKey,
    contactArn: engagement.contactArn,
    contactAlias: engagement.contactAlias,
    slackUser: engagement.slackUser,
    startedAt,
    ...(engagement.stoppedAt ? { stoppedAt: iso(engagement.stoppedAt) } : {}),
    ...(engagement.acceptedAt ? { acceptedAt: iso(engagement.acceptedAt) } : {}),
    stopAttempts: engagement.stopAttempts,
    ...(engagement.lastError !== undefined ? { lastError: engagement.lastError } : {}),
    ...(engagement.stoppedAt
      ? {}
      : { gsi1pk: OPEN_ENGAGEMENTS, gsi1sk: `${startedAt}#${engagement.engagementArn}` }),
    gsi2pk: engagementsOf(engagement.seq),
    gsi2sk: startedAt,
  };
}

export function readEngagementItem(item: Item): EngagementRecord {
  return {
    engagementArn: item.engagementArn as string,
    seq: item.seq as number,
    dedupeKey: item.dedupeKey as string,
    contactArn: item.contactArn as string,
    contactAlias: item.contactAlias as string,
    slackUser: item.slackUser as string | undefined,
    startedAt: new Date(item.startedAt as string),
    stoppedAt: date(item.stoppedAt),
    acceptedAt: date(item.acceptedAt),
    stopAttempts: item.stopAttempts as number,
  };
}
