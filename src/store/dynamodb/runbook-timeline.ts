import { type IncidentManagerWrite, incidentManagerWrites } from '../../incident-manager/index.ts';
import type { TimelineEntry } from '../../incidents/index.ts';
import type { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { planEntriesOnly, type WritePlan } from './write-plan.ts';

/**
 * Adds a runbook change's timeline entry, with what Incident Manager must be told, to `plan`: as
 * SQLite's appendTimeline, nothing for an incident that does not exist or an entry whose dedupe key
 * was written before. The entry's dedupe marker (attribute_not_exists) settles a race: the plan is
 * cancelled, read and planned again, and then leaves the entry out.
 */
export async function planRunbookEntry(
  plan: WritePlan,
  incidents: DynamoDbIncidents,
  seq: number,
  entry: TimelineEntry,
  extra: readonly IncidentManagerWrite[] = [],
): Promise<void> {
  const [stored, seen] = await Promise.all([
    incidents.get(seq),
    entry.dedupeKey ? incidents.hasDedupeKey(entry.dedupeKey) : false,
  ]);
  if (!stored || seen) return;
  const writes = [...incidentManagerWrites(stored.incident, stored.incident, entry), ...extra];
  planEntriesOnly(plan, stored, [{ entry, writes }], entry.at);
}
