import type { FollowUp, FollowUpStatus } from '../follow-up-store.ts';
import type { Item } from './dynamo-table.ts';
import { followUpKey, followUpsOf, iso, OPEN_FOLLOW_UPS } from './keys.ts';

/** Listed by creation, ties by id (SQLite's `ORDER BY created_at, id`). */
export const followUpSortKey = (followUp: Pick<FollowUp, 'createdAt' | 'id'>): string =>
  `${iso(followUp.createdAt)}#${followUp.id}`;

/** The item of a new follow-up: in its incident's gsi2 list, and in gsi1 `FU#OPEN` while open. */
export function writeFollowUp(followUp: FollowUp): Item {
  const sortKey = followUpSortKey(followUp);
  return {
    ...followUpKey(followUp.id),
    id: followUp.id,
    seq: followUp.seq,
    title: followUp.title,
    ...(followUp.owner !== undefined ? { owner: followUp.owner } : {}),
    ...(followUp.due !== undefined ? { due: followUp.due } : {}),
    status: followUp.status,
    ...(followUp.opsItemId !== undefined ? { opsItemId: followUp.opsItemId } : {}),
    createdBy: followUp.createdBy,
    createdAt: iso(followUp.createdAt),
    statusAt: iso(followUp.statusAt),
    ...(followUp.doneBy !== undefined ? { doneBy: followUp.doneBy } : {}),
    ...(followUp.doneAt !== undefined ? { doneAt: iso(followUp.doneAt) } : {}),
    ...(followUp.lastSyncedAt !== undefined ? { lastSyncedAt: iso(followUp.lastSyncedAt) } : {}),
    gsi2pk: followUpsOf(followUp.seq),
    gsi2sk: sortKey,
    ...(followUp.status === 'open' ? { gsi1pk: OPEN_FOLLOW_UPS, gsi1sk: sortKey } : {}),
  };
}

export function readFollowUp(item: Item): FollowUp {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
  const owner = text('owner');
  const due = text('due');
  const opsItemId = text('opsItemId');
  const doneBy = text('doneBy');
  const doneAt = text('doneAt');
  const lastSyncedAt = text('lastSyncedAt');
  return {
    id: item.id as string,
    seq: item.seq as number,
    title: item.title as string,
    ...(owner !== undefined ? { owner } : {}),
    ...(due !== undefined ? { due } : {}),
    status: item.status as FollowUpStatus,
    ...(opsItemId !== undefined ? { opsItemId } : {}),
    createdBy: item.createdBy as string,
    createdAt: new Date(item.createdAt as string),
    statusAt: new Date(item.statusAt as string),
    ...(doneBy !== undefined ? { doneBy } : {}),
    ...(doneAt !== undefined ? { doneAt: new Date(doneAt) } : {}),
    ...(lastSyncedAt !== undefined ? { lastSyncedAt: new Date(lastSyncedAt) } : {}),
  };
}
