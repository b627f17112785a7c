import type { DueEscalationStage, EscalationStageRecord } from '../escalation-store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { readStageItem } from './escalation-items.ts';
import { dueBy, ESCALATIONS_DUE, incidentKey, iso } from './keys.ts';

/** What listing needs of a stage's incident, read from its item (consistent). */
interface IncidentState {
  status: string;
  snoozeUntil?: string;
}

/** Due by `now` as the listed copy says: the index may trail the table, and the claim decides. */
function isDueBy(stage: EscalationStageRecord, now: Date): boolean {
  if (stage.status === 'due') return stage.dueAt <= now;
  return stage.status === 'claimed' && stage.claimedUntil !== undefined && stage.claimedUntil <= now;
}

/** SQLite's order: by due time (then incident and index, so equal times list the same way every pass). */
function byDueAt(a: EscalationStageRecord, b: EscalationStageRecord): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || a.seq - b.seq || a.index - b.index;
}

/**
 * Stages due by `now` (and claims that ran out), earliest first, leaving out those whose incident
 * is snoozed past `now` (or gone, as SQLite's join does). The due list is one query of gsi1
 * `ESC#DUE`; each distinct incident of the stages considered is read once, and only as many
 * stages are considered as it takes to fill `limit`.
 */
export async function listDueStages(
  table: DynamoTable,
  now: Date,
  limit: number,
): Promise<DueEscalationStage[]> {
  const listed = await table.query({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :list AND gsi1sk <= :due',
    ExpressionAttributeValues: { ':list': ESCALATIONS_DUE, ':due': dueBy(now) },
  });
  const candidates = listed
    .map((item) => readStageItem(item).stage)
    .filter((stage) => isDueBy(stage, now))
    .sort(byDueAt);
  const incidents = new Map<number, Promise<IncidentState | undefined>>();
  const readOnce = (seq: number) => {
    let state = incidents.get(seq);
    if (!state) {
      state = table
        .get(incidentKey(seq))
        .then((item) =>
          item
            ? { status: item.status as string, snoozeUntil: item.snoozeUntil as string | undefined }
            : undefined,
        );
      incidents.set(seq, state);
    }
    return state;
  };
  const due: DueEscalationStage[] = [];
  let next = 0;
  while (next < candidates.length && due.length < limit) {
    const chunk = candidates.slice(next, next + limit - due.length);
    next += chunk.length;
    const states = await Promise.all(chunk.map((stage) => readOnce(stage.seq)));
    chunk.forEach((stage, i) => {
      const state = states[i];
      if (!state || (state.snoozeUntil !== undefined && state.snoozeUntil > iso(now))) return;
      due.push({ ...stage, incidentStatus: state.status });
    });
  }
  return due;
}
