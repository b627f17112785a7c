import type { ReviewPlace, ReviewRecord, ReviewStore } from '../review-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { iso, reviewKey } from './keys.ts';
import { readReview, reviewItem } from './review-items.ts';

/** Reviews (docs/store.md): `INC#<seq>`/`REVIEW`, every decision a condition on its write. */
export class DynamoDbReviews implements ReviewStore {
  constructor(private readonly table: DynamoTable) {}

  async get(seq: number): Promise<ReviewRecord | undefined> {
    const item = await this.table.get(reviewKey(seq));
    return item ? readReview(seq, item) : undefined;
  }

  claim(seq: number, owner: string, now: Date, staleBefore: Date): Promise<boolean> {
    return this.table.put(reviewItem({ seq, status: 'draft', claimedBy: owner, claimedAt: now }), {
      ConditionExpression:
        'attribute_not_exists(pk) OR (attribute_not_exists(place) AND claimedAt <= :stale)',
      ExpressionAttributeValues: { ':stale': iso(staleBefore) },
    });
  }

  async recordDelivered(seq: number, place: ReviewPlace, at: Date): Promise<void> {
    await this.table.update({
      Key: reviewKey(seq),
      UpdateExpression: 'SET place = :place, generatedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':place': place, ':at': iso(at) },
    });
  }

  recordGenerated(seq: number, at: Date): Promise<boolean> {
    return this.table.update({
      Key: reviewKey(seq),
      UpdateExpression: 'SET generatedAt = :at',
      ConditionExpression: '#status = :draft',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':at': iso(at), ':draft': 'draft' },
    });
  }

  complete(seq: number, by: string, at: Date): Promise<boolean> {
    return this.table.update({
      Key: reviewKey(seq),
      UpdateExpression: 'SET #status = :complete, completedBy = :by, completedAt = :at',
      ConditionExpression: '#status = :draft AND attribute_exists(place)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':complete': 'complete', ':draft': 'draft', ':by': by, ':at': iso(at) },
    });
  }
}
