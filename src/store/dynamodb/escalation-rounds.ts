import type { NewEscalationStage } from '../escalation-store.ts';
import { MAX_TRANSACT_ITEMS } from './dynamo-table.ts';
import {
  cancelStageAction,
  deleteStageAction,
  isLive,
  putStageAction,
  type StoredStage,
} from './escalation-items.ts';
import { incidentKey } from './keys.ts';
import { impactRoundItem } from './marker-items.ts';
import { WritePlan } from './write-plan.ts';

/**
 * A reopened incident's round over the stages `read`, or undefined when a stage of this round
 * (due at or after `since`, not cancelled) is there already. Each stage written or cancelled is
 * conditioned on its `rev` as read, so of two processes planning at once, one is cancelled.
 */
export function planReopenedRound(
  read: readonly StoredStage[],
  seq: number,
  since: Date,
  stages: readonly NewEscalationStage[],
): WritePlan | undefined {
  if (read.some(({ stage }) => stage.status !== 'cancelled' && stage.dueAt >= since)) return undefined;
  const byIndex = new Map(read.map((stored) => [stored.stage.index, stored]));
  const written = new Set(stages.map((stage) => stage.index));
  const plan = new WritePlan();
  // Repeats of the old round sit at higher indexes than the policy's stages: cancel them.
  for (const stored of read) {
    const { index, status } = stored.stage;
    if (index >= stages.length && !written.has(index) && isLive(status)) {
      plan.add('record', cancelStageAction(stored, since));
    }
  }
  for (const stage of stages) plan.add('record', putStageAction({ ...stage, seq }, byIndex.get(stage.index)));
  return plan;
}

/**
 * The policy an impact raise calls for, over the stages `read`: the `IMPACT#<impact>` marker (first
 * caller only, role `marker`), a check that the incident's impact is still `impact` (role
 * `incident`), the new stages written over the old (conditioned on `rev` as read), the old ones
 * left cancelled and those past the new policy's removed. `later` holds removals of fired or
 * cancelled stages that did not fit in one transaction (a long history of repeats): they are
 * deleted right after it, each on condition it is still as read.
 */
export function planImpactRound(
  read: readonly StoredStage[],
  seq: number,
  impact: number,
  now: Date,
  stages: readonly NewEscalationStage[],
): { plan: WritePlan; later: StoredStage[] } {
  const byIndex = new Map(read.map((stored) => [stored.stage.index, stored]));
  const written = new Set(stages.map((stage) => stage.index));
  const plan = new WritePlan()
    .add('marker', {
      Put: {
        Item: impactRoundItem(seq, impact, now),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })
    .add('incident', {
      ConditionCheck: {
        Key: incidentKey(seq),
        ConditionExpression: 'impact = :impact',
        ExpressionAttributeValues: { ':impact': impact },
      },
    });
  for (const stage of stages) plan.add('record', putStageAction({ ...stage, seq }, byIndex.get(stage.index)));
  const leftover = read.filter(({ stage }) => !written.has(stage.index));
  for (const stored of leftover) {
    if (stored.stage.index < stages.length && isLive(stored.stage.status)) {
      plan.add('record', cancelStageAction(stored, now));
    }
  }
  // The old policy's rows past the new one's stages go, so the new policy's repeats have room (a
  // repeat is written only where no row is). Live ones first: they must go in the step itself.
  const removals = leftover.filter(({ stage }) => stage.index >= stages.length);
  const ordered = [
    ...removals.filter(({ stage }) => isLive(stage.status)),
    ...removals.filter(({ stage }) => !isLive(stage.status)),
  ];
  const room = Math.max(0, MAX_TRANSACT_ITEMS - plan.items.length);
  for (const stored of ordered.slice(0, room)) plan.add('record', deleteStageAction(stored));
  return { plan, later: ordered.slice(room) };
}
