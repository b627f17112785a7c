import type {
  DueEscalationStage,
  EscalationStageRecord,
  EscalationStore,
  NewEscalationStage,
} from '../escalation-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { listDueStages } from './escalation-due.ts';
import {
  cancelStageAction,
  isLive,
  readStageItem,
  type StoredStage,
  stageDueKey,
  stageItem,
} from './escalation-items.ts';
import { planImpactRound, planReopenedRound } from './escalation-rounds.ts';
import { ESCALATIONS_DUE, escalationKey, incidentKey, incidentPk, iso } from './keys.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';
import { WritePlan } from './write-plan.ts';

const STATUS = { '#status': 'status' };

/**
 * Escalation stages (docs/store.md, Escalation stages): `INC#<seq>` / `ESC#<index>`, in gsi1
 * `ESC#DUE` while due or claimed. The claim is one transaction with a check of the incident; the
 * round-writing methods read the stages, then write in one transaction conditioned on each stage's
 * `rev` as read, and read again when another writer got there first.
 */
export class DynamoDbEscalations implements EscalationStore {
  constructor(private readonly table: DynamoTable) {}

  async schedule(stages: readonly NewEscalationStage[]): Promise<number> {
    const added = await Promise.all(
      stages.map((stage) =>
        this.table.put(stageItem(stage, 1), { ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
    return added.filter(Boolean).length;
  }

  scheduleRound(seq: number, since: Date, stages: readonly NewEscalationStage[]): Promise<number> {
    return retryOnConflict(`schedule INC-${seq}'s escalation round`, async () => {
      const plan = planReopenedRound(await this.readStages(seq), seq, since, stages);
      if (!plan) return 0;
      return (await this.table.transact(plan.items)).ok ? stages.length : CONFLICT;
    });
  }

  startImpactRound(
    seq: number,
    impact: number,
    now: Date,
    stages: readonly NewEscalationStage[],
  ): Promise<number> {
    return retryOnConflict(`start INC-${seq}'s impact ${impact} round`, async () => {
      const { plan, later } = planImpactRound(await this.readStages(seq), seq, impact, now, stages);
      const result = await this.table.transact(plan.items);
      if (!result.ok) {
        const failed = plan.failedRoles(result.reasons);
        // Started before (by this or another process), or the impact has moved on: nothing to do.
        if (failed.has('marker') || failed.has('incident')) return 0;
        return CONFLICT;
      }
      for (const stored of later) {
        await this.table.delete(escalationKey(seq, stored.stage.index), {
          ConditionExpression: 'rev = :rev',
          ExpressionAttributeValues: { ':rev': stored.rev },
        });
      }
      return stages.length;
    });
  }

  async list(seq: number): Promise<EscalationStageRecord[]> {
    return (await this.readStages(seq)).map(({ stage }) => stage);
  }

  listDue(now: Date, limit: number): Promise<DueEscalationStage[]> {
    return listDueStages(this.table, now, limit);
  }

  claim(seq: number, index: number, now: Date, leaseUntil: Date): Promise<boolean> {
    return retryOnConflict(`claim INC-${seq}'s stage ${index}`, async () => {
      const plan = new WritePlan()
        .add('claim', {
          Update: {
            Key: escalationKey(seq, index),
            UpdateExpression:
              'SET #status = :claimed, claimedUntil = :lease, attempts = attempts + :one, rev = rev + :one, gsi1pk = :list, gsi1sk = :dueKey',
            ConditionExpression:
              '(#status = :due AND dueAt <= :now) OR (#status = :claimed AND claimedUntil <= :now)',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':due': 'due',
              ':now': iso(now),
              ':lease': iso(leaseUntil),
              ':one': 1,
              ':list': ESCALATIONS_DUE,
              // A claim that runs out comes due again at its end.
              ':dueKey': stageDueKey(leaseUntil, seq, index),
            },
          },
        })
        .add('incident', {
          ConditionCheck: {
            Key: incidentKey(seq),
            ConditionExpression:
              '#status = :open AND (attribute_not_exists(snoozeUntil) OR snoozeUntil <= :now)',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: { ':open': 'open', ':now': iso(now) },
          },
        });
      const result = await this.table.transact(plan.items);
      if (result.ok) return true;
      // A failed condition is the answer; a transaction that only collided with another is retried.
      return plan.failedRoles(result.reasons).size > 0 ? false : CONFLICT;
    });
  }

  async markFired(seq: number, index: number, now: Date): Promise<void> {
    await this.table.update({
      Key: escalationKey(seq, index),
      UpdateExpression:
        'SET #status = :fired, firedAt = :now, rev = rev + :one REMOVE claimedUntil, gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: STATUS,
      ExpressionAttributeValues: { ':fired': 'fired', ':now': iso(now), ':one': 1 },
    });
  }

  async recordFailure(seq: number, index: number, error: string): Promise<void> {
    await this.table.update({
      Key: escalationKey(seq, index),
      UpdateExpression: 'SET lastError = :error, rev = rev + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':error': error.slice(0, 2000), ':one': 1 },
    });
  }

  cancel(seq: number, now: Date): Promise<number> {
    return retryOnConflict(`cancel INC-${seq}'s escalation`, async () => {
      const live = (await this.readStages(seq)).filter(({ stage }) => isLive(stage.status));
      const result = await this.table.transact(live.map((stored) => cancelStageAction(stored, now)));
      return result.ok ? live.length : CONFLICT;
    });
  }

  private async readStages(seq: number): Promise<StoredStage[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :esc)',
      ExpressionAttributeValues: { ':pk': incidentPk(seq), ':esc': 'ESC#' },
      ConsistentRead: true,
    });
    return items.map(readStageItem);
  }
}
