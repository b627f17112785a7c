import type { EscalationStageRecord, NewEscalationStage } from '../escalation-store.ts';
import type { Item, TransactItem } from './dynamo-table.ts';
import { ESCALATIONS_DUE, escalationKey, iso, pad } from './keys.ts';

/**
 * A stage as read, with `rev`: bumped by every write of the item, so a plan built on a read is
 * conditioned on nothing having changed the stage since.
 */
export interface StoredStage {
  stage: EscalationStageRecord;
  rev: number;
}

/** The due list's sort key: when it comes due (its due time, or its claim's end), then which stage. */
export const stageDueKey = (at: Date, seq: number, index: number): string =>
  `${iso(at)}#${pad(seq)}#${pad(index)}`;

/** Only stages this status or earlier are in the due list; fired and cancelled ones left it. */
export const isLive = (status: EscalationStageRecord['status']): boolean =>
  status === 'due' || status === 'claimed';

/** What a stage's item keeps beside the port's record: its last failure and when it ended. */
export interface StageHistory {
  lastError?: string;
  firedAt?: Date;
  cancelledAt?: Date;
}

/** A stage written afresh (new, or over the row its index had): due, never tried. */
export function stageItem(stage: NewEscalationStage, rev: number): Item {
  return storedStageItem({ ...stage, status: 'due', attempts: 0 }, rev);
}

/**
 * A stage in any state: in the due list while due (by `dueAt`) or claimed (by the claim's end, so a
 * claim that ran out comes due again), out of it once fired or cancelled.
 */
export function storedStageItem(stage: EscalationStageRecord & StageHistory, rev: number): Item {
  const dueAt = stage.status === 'claimed' && stage.claimedUntil ? stage.claimedUntil : stage.dueAt;
  return {
    ...escalationKey(stage.seq, stage.index),
    seq: stage.seq,
    stageIndex: stage.index,
    policy: stage.policy,
    notify: [...stage.notify],
    dueAt: iso(stage.dueAt),
    status: stage.status,
    ...(stage.claimedUntil ? { claimedUntil: iso(stage.claimedUntil) } : {}),
    repeatEveryMs: stage.repeatEveryMs,
    attempts: stage.attempts,
    ...(stage.lastError !== undefined ? { lastError: stage.lastError } : {}),
    ...(stage.firedAt ? { firedAt: iso(stage.firedAt) } : {}),
    ...(stage.cancelledAt ? { cancelledAt: iso(stage.cancelledAt) } : {}),
    rev,
    ...(isLive(stage.status)
      ? { gsi1pk: ESCALATIONS_DUE, gsi1sk: stageDueKey(dueAt, stage.seq, stage.index) }
      : {}),
  };
}

export function readStageItem(item: Item): StoredStage {
  return {
    stage: {
      seq: item.seq as number,
      index: item.stageIndex as number,
      policy: item.policy as string,
      notify: item.notify as string[],
      dueAt: new Date(item.dueAt as string),
      status: item.status as EscalationStageRecord['status'],
      claimedUntil: item.claimedUntil === undefined ? undefined : new Date(item.claimedUntil as string),
      repeatEveryMs: item.repeatEveryMs as number | undefined,
      attempts: item.attempts as number,
    },
    rev: item.rev as number,
  };
}

/** Writes `stage` over what its index held when read (`read`), or where nothing was. */
export function putStageAction(stage: NewEscalationStage, read: StoredStage | undefined): TransactItem {
  return {
    Put: {
      Item: stageItem(stage, (read?.rev ?? 0) + 1),
      ...(read
        ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': read.rev } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/** Cancels a stage still as read: it leaves the due list and is never claimed. */
export function cancelStageAction(read: StoredStage, at: Date): TransactItem {
  return {
    Update: {
      Key: escalationKey(read.stage.seq, read.stage.index),
      UpdateExpression:
        'SET #status = :cancelled, cancelledAt = :at, rev = :next REMOVE claimedUntil, gsi1pk, gsi1sk',
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':cancelled': 'cancelled',
        ':at': iso(at),
        ':rev': read.rev,
        ':next': read.rev + 1,
      },
    },
  };
}

/** Removes a stage still as read. */
export function deleteStageAction(read: StoredStage): TransactItem {
  return {
    Delete: {
      Key: escalationKey(read.stage.seq, read.stage.index),
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeValues: { ':rev': read.rev },
    },
  };
}
