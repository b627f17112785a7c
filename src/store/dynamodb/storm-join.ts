import { incidentManagerWrites } from '../../incident-manager/index.ts';
import type { Incident, TimelineEntry } from '../../incidents/index.ts';
import type { DynamoTable } from './dynamo-table.ts';
import type { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';
import { type PlannedEntry, planIncidentWrite, WritePlan } from './write-plan.ts';

/**
 * Members per transaction: each costs its own item, two timeline entries and their Incident
 * Manager writes (about five actions), under DynamoDB's 100 per transaction with room to spare.
 */
const MEMBERS_PER_TRANSACTION = 15;

const joinedEntry = (now: Date, stormSeq: number): TimelineEntry => ({
  at: now,
  kind: 'annotation',
  actor: 'warroom',
  text: `joined storm INC-${stormSeq}: its card, paging and escalation are the storm's`,
});

/**
 * Folds members into a storm, a batch at a time, each batch whole: every member of it names the
 * storm, the storm lists them, and both timelines say so, or nothing of the batch is written.
 * Members already in it (or storms themselves, or gone) are skipped, as SQLite's joinStorm does.
 */
export async function joinStormInBatches(
  table: DynamoTable,
  incidents: DynamoDbIncidents,
  stormSeq: number,
  memberSeqs: readonly number[],
  now: Date,
): Promise<{ storm: Incident; members: Incident[] } | undefined> {
  const members: Incident[] = [];
  let storm: Incident | undefined;
  const batches: number[][] = [];
  for (let start = 0; start < memberSeqs.length; start += MEMBERS_PER_TRANSACTION) {
    batches.push(memberSeqs.slice(start, start + MEMBERS_PER_TRANSACTION));
  }
  if (batches.length === 0) batches.push([]);
  for (const batch of batches) {
    const joined = await retryOnConflict(`join storm INC-${stormSeq}`, async () => {
      const stored = await incidents.get(stormSeq);
      if (!stored?.incident.storm) return undefined;
      const plan = new WritePlan();
      let current = stored.incident;
      const stormEntries: PlannedEntry[] = [];
      const batchMembers: Incident[] = [];
      for (const seq of batch) {
        const before = await incidents.get(seq);
        if (!before || before.incident.stormSeq === stormSeq || before.incident.storm) continue;
        if (batchMembers.some((member) => member.seq === seq)) continue;
        const member = {
          ...before.incident,
          stormSeq,
          updatedAt: now,
          version: before.incident.version + 1,
        };
        const entry = joinedEntry(now, stormSeq);
        planIncidentWrite(
          plan,
          before,
          member,
          [{ entry, writes: incidentManagerWrites(before.incident, member, entry) }],
          now,
        );
        batchMembers.push(member);
        const info = current.storm ?? stored.incident.storm;
        const next = {
          ...current,
          storm: { ...info, members: [...info.members.filter((other) => other !== seq), seq] },
          updatedAt: now,
          version: current.version + 1,
        };
        const stormEntry: TimelineEntry = {
          at: now,
          kind: 'annotation',
          actor: 'warroom',
          text: `INC-${seq} joined the storm`,
        };
        stormEntries.push({ entry: stormEntry, writes: incidentManagerWrites(current, next, stormEntry) });
        current = next;
      }
      if (batchMembers.length === 0) return { storm: current, members: batchMembers };
      planIncidentWrite(plan, stored, current, stormEntries, now);
      const result = await table.transact(plan.items);
      return result.ok ? { storm: current, members: batchMembers } : CONFLICT;
    });
    if (!joined) return undefined;
    storm = joined.storm;
    members.push(...joined.members);
  }
  return storm ? { storm, members } : undefined;
}
