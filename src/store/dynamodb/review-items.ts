import type { ReviewPlace, ReviewRecord } from '../review-store.ts';
import type { Item } from './dynamo-table.ts';
import { iso, reviewKey } from './keys.ts';

/**
 * A review's item, in its incident's partition: what `claim` puts (only the claim fields, as a
 * new draft has no more) and what `store:copy` puts for a review at any stage.
 */
export function reviewItem(review: ReviewRecord): Item {
  return {
    ...reviewKey(review.seq),
    status: review.status,
    claimedBy: review.claimedBy,
    claimedAt: iso(review.claimedAt),
    ...(review.place !== undefined ? { place: review.place } : {}),
    ...(review.generatedAt !== undefined ? { generatedAt: iso(review.generatedAt) } : {}),
    ...(review.completedBy !== undefined ? { completedBy: review.completedBy } : {}),
    ...(review.completedAt !== undefined ? { completedAt: iso(review.completedAt) } : {}),
  };
}

export function readReview(seq: number, item: Item): ReviewRecord {
  const date = (name: string) =>
    typeof item[name] === 'string' ? new Date(item[name] as string) : undefined;
  const generatedAt = date('generatedAt');
  const completedAt = date('completedAt');
  return {
    seq,
    status: item['status'] === 'complete' ? 'complete' : 'draft',
    claimedBy: String(item['claimedBy']),
    claimedAt: new Date(String(item['claimedAt'])),
    ...(item['place'] ? { place: item['place'] as ReviewPlace } : {}),
    ...(generatedAt ? { generatedAt } : {}),
    ...(typeof item['completedBy'] === 'string' ? { completedBy: item['completedBy'] } : {}),
    ...(completedAt ? { completedAt } : {}),
  };
}
