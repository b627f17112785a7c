import type { ReviewPlace, ReviewRecord, ReviewStore } from '../review-store.ts';
import type { DynamoTable, Item } from './dynamo-table.ts';
import { iso, reviewKey } from './keys.ts';

function toRecord(seq: number, item: Item): ReviewRecord {
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

/** Reviews (docs/store.md): `INC#<seq>`/`REVIEW`, every decision a condition on its write. */
export class DynamoDbReviews implements ReviewStore {
  constructor(private readonly table: DynamoTable) {}

  async get(seq: number): Promise<ReviewRecord | undefined> {
    const item = await this.table.get(reviewKey(seq));
    return item ? toRecord(seq, item) : undefined;
  }

  claim(seq: number, owner: string, now: Date, staleBefore: Date): Promise<boolean> {
    return this.table.put(
      { ...reviewKey(seq), status: 'draft', claimedBy: owner, claimedAt: iso(now) },
      {
        ConditionExpression:
          'attribute_not_exists(pk) OR (attribute_not_exists(place) AND claimedAt <= :stale)',
        ExpressionAttributeValues: { ':stale': iso(staleBefore) },
      },
    );
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
