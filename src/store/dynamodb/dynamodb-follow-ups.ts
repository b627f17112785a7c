import { BotError } from '../../errors.ts';
import type { FollowUp, FollowUpStatus, FollowUpStore } from '../follow-up-store.ts';
import type { DynamoTable, Item } from './dynamo-table.ts';
import { followUpSortKey, readFollowUp, writeFollowUp } from './follow-up-items.ts';
import { followUpKey, followUpRequestKey, followUpsOf, iso, OPEN_FOLLOW_UPS } from './keys.ts';
import { followUpRequestItem } from './marker-items.ts';

/**
 * Follow-ups (docs/store.md, Follow-ups): `FU#<id>` with the `FUREQ#<dedupeKey>` marker that makes
 * creation once per Slack request. Listed per incident through gsi2 and while open through gsi1;
 * both indexes may trail the table, so each listed item is read again before it is answered.
 */
export class DynamoDbFollowUps implements FollowUpStore {
  constructor(private readonly table: DynamoTable) {}

  async create(followUp: FollowUp, dedupeKey: string): Promise<{ followUp: FollowUp; created: boolean }> {
    const result = await this.table.transact([
      {
        Put: {
          Item: followUpRequestItem(dedupeKey, followUp.id),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { Item: writeFollowUp(followUp), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]);
    if (result.ok) return { followUp, created: true };
    const marker = await this.table.get(followUpRequestKey(dedupeKey));
    const first = marker && (await this.get(marker.followUpId as string));
    if (!first) {
      throw new BotError('STORE.CONTENDED', 'That follow-up could not be saved; try again.', {
        detail: `follow-up ${followUp.id} (request ${dedupeKey}) cancelled: ${result.reasons.join(', ')}`,
      });
    }
    return { followUp: first, created: false };
  }

  async get(id: string): Promise<FollowUp | undefined> {
    const item = await this.table.get(followUpKey(id));
    return item && readFollowUp(item);
  }

  async listFor(seq: number): Promise<FollowUp[]> {
    const listed = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': followUpsOf(seq) },
    });
    return this.readAgain(listed, (followUp) => followUp.seq === seq);
  }

  async listOpen(): Promise<FollowUp[]> {
    const listed = await this.table.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': OPEN_FOLLOW_UPS },
    });
    return this.readAgain(listed, (followUp) => followUp.status === 'open');
  }

  async linkOpsItem(id: string, opsItemId: string, at: Date): Promise<FollowUp | undefined> {
    // A failed condition means another request linked one first (or there is no such follow-up).
    await this.table.update({
      Key: followUpKey(id),
      UpdateExpression: 'SET opsItemId = :item, lastSyncedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(opsItemId)',
      ExpressionAttributeValues: { ':item': opsItemId, ':at': iso(at) },
    });
    return this.get(id);
  }

  async setStatus(
    id: string,
    status: FollowUpStatus,
    by: string | undefined,
    at: Date,
  ): Promise<FollowUp | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const names = { '#status': 'status' };
    if (status === 'done') {
      await this.table.update({
        Key: followUpKey(id),
        UpdateExpression: `SET #status = :done, statusAt = :at, doneAt = :at${by !== undefined ? ', doneBy = :by' : ''} REMOVE lastSyncedAt, gsi1pk, gsi1sk${by === undefined ? ', doneBy' : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':done': 'done',
          ':at': iso(at),
          ...(by !== undefined ? { ':by': by } : {}),
        },
      });
    } else {
      await this.table.update({
        Key: followUpKey(id),
        UpdateExpression:
          'SET #status = :open, statusAt = :at, gsi1pk = :list, gsi1sk = :sort REMOVE doneBy, doneAt, lastSyncedAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':open': 'open',
          ':at': iso(at),
          ':list': OPEN_FOLLOW_UPS,
          ':sort': followUpSortKey(current),
        },
      });
    }
    return this.get(id);
  }

  async markSynced(id: string, at: Date): Promise<void> {
    await this.table.update({
      Key: followUpKey(id),
      UpdateExpression: 'SET lastSyncedAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': iso(at) },
    });
  }

  private async readAgain(listed: Item[], keep: (followUp: FollowUp) => boolean): Promise<FollowUp[]> {
    const current = await Promise.all(listed.map((item) => this.get(item.id as string)));
    return current.filter((followUp): followUp is FollowUp => followUp !== undefined && keep(followUp));
  }
}
