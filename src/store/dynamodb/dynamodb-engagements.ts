import { BotError } from '../../errors.ts';
import type {
  EngagementRecord,
  EngagementStore,
  NewEngagement,
  OpenEngagement,
} from '../engagement-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { engagementItem, readEngagementItem } from './engagement-items.ts';
import {
  engagementKey,
  engagementRequestKey,
  engagementsOf,
  incidentKey,
  iso,
  OPEN_ENGAGEMENTS,
} from './keys.ts';
import { engagementRequestItem } from './marker-items.ts';
import { WritePlan } from './write-plan.ts';

/**
 * Engagements (docs/store.md, Engagements). The page-request marker is SQLite's unique
 * (dedupe_key, contact_arn); the lists are index reads, so each listed item is read again before
 * it is answered (the index may trail the table).
 */
export class DynamoDbEngagements implements EngagementStore {
  constructor(private readonly table: DynamoTable) {}

  async record(engagement: NewEngagement): Promise<boolean> {
    const { engagementArn, dedupeKey, contactArn } = engagement;
    const plan = new WritePlan()
      .add('record', {
        Put: { Item: engagementItem(engagement), ConditionExpression: 'attribute_not_exists(pk)' },
      })
      .add('marker', {
        Put: {
          Item: engagementRequestItem(dedupeKey, contactArn, engagementArn),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    const result = await this.table.transact(plan.items);
    if (result.ok) return true;
    const failed = plan.failedRoles(result.reasons);
    if (failed.has('record')) return false;
    if (failed.has('marker')) {
      // SQLite's unique (dedupe_key, contact_arn) refuses this too: one page request, one engagement.
      throw new BotError(
        'STORE.ENGAGEMENT_TAKEN',
        'warroom could not record that engagement: the page already started another for this contact.',
        { detail: `${dedupeKey} / ${contactArn} already started an engagement other than ${engagementArn}` },
      );
    }
    throw new BotError('STORE.CONTENDED', 'warroom could not record that engagement. Try again.', {
      detail: `record ${engagementArn}: transaction cancelled (${result.reasons.join(', ')})`,
    });
  }

  async find(dedupeKey: string, contactArn: string): Promise<EngagementRecord | undefined> {
    const marker = await this.table.get(engagementRequestKey(dedupeKey, contactArn));
    return marker ? this.get(marker.engagementArn as string) : undefined;
  }

  async list(seq: number): Promise<EngagementRecord[]> {
    const listed = await this.table.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :list',
      ExpressionAttributeValues: { ':list': engagementsOf(seq) },
    });
    const found = await Promise.all(listed.map((item) => this.get(item.engagementArn as string)));
    return found.filter((record): record is EngagementRecord => record !== undefined);
  }

  async listOpen(limit: number): Promise<OpenEngagement[]> {
    const listed = await this.table.query(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :list',
        ExpressionAttributeValues: { ':list': OPEN_ENGAGEMENTS },
      },
      limit,
    );
    const found = await Promise.all(listed.map((item) => this.get(item.engagementArn as string)));
    // One consistent read per distinct incident, for the status it has now.
    const seqs = [...new Set(found.flatMap((record) => (record ? [record.seq] : [])))];
    const statuses = new Map(
      await Promise.all(
        seqs.map(async (seq) => [seq, (await this.table.get(incidentKey(seq)))?.status] as const),
      ),
    );
    return found.flatMap((record) => {
      const incidentStatus = record ? statuses.get(record.seq) : undefined;
      // Stopped since the index listed it, or its incident is gone (SQLite's join drops it too).
      if (!record || record.stoppedAt || typeof incidentStatus !== 'string') return [];
      return [{ ...record, incidentStatus }];
    });
  }

  async markStopped(engagementArn: string, at: Date): Promise<void> {
    // Leaves the open list; a second stop keeps the first time (SQLite's `stopped_at IS NULL`).
    await this.table.update({
      Key: engagementKey(engagementArn),
      UpdateExpression: 'SET stoppedAt = :at REMOVE gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(stoppedAt)',
      ExpressionAttributeValues: { ':at': iso(at) },
    });
  }

  async recordStopFailure(engagementArn: string, error: string): Promise<void> {
    await this.table.update({
      Key: engagementKey(engagementArn),
      UpdateExpression: 'SET stopAttempts = stopAttempts + :one, lastError = :error',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1, ':error': error.slice(0, 500) },
    });
  }

  async markAccepted(engagementArn: string, at: Date): Promise<boolean> {
    return this.table.update({
      Key: engagementKey(engagementArn),
      UpdateExpression: 'SET acceptedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(acceptedAt)',
      ExpressionAttributeValues: { ':at': iso(at) },
    });
  }

  private async get(engagementArn: string): Promise<EngagementRecord | undefined> {
    const item = await this.table.get(engagementKey(engagementArn));
    return item ? readEngagementItem(item) : undefined;
  }
}
