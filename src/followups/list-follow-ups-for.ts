import type { FollowUpStatus } from '../store/follow-up-store.ts';
import type { Store } from '../store/store.ts';
import { opsItemUrl } from './ops-item-draft.ts';

/** A follow-up as the review lists it. */
export interface FollowUpSummary {
  title: string;
  /** Slack user id. */
  owner?: string;
  status: FollowUpStatus;
  /** The OpsItem in the console, when it has one and `region` was given. */
  link?: string;
}

/**
 * An incident's follow-ups, oldest first, for the post-incident review: as warroom last knew them
 * (the background sync keeps them within about a minute of OpsCenter).
 */
export async function listFollowUpsFor(
  store: Store,
  seq: number,
  region?: string,
): Promise<FollowUpSummary[]> {
  return (await store.followUps.listFor(seq)).map((followUp) => ({
    title: followUp.title,
    ...(followUp.owner ? { owner: followUp.owner } : {}),
    status: followUp.status,
    ...(followUp.opsItemId && region ? { link: opsItemUrl(followUp.opsItemId, region) } : {}),
  }));
}
