import type { Store } from '../store/store.ts';
import { type Incident, incidentId } from './incident.ts';
import type { Transition } from './transitions.ts';

/** What people do on a storm's card that every member follows; notes and reopen stay on the storm. */
export const FANNED_OUT = new Set(['acknowledge', 'take', 'impact', 'resolve']);

/**
 * Applies a change made on a storm to each of its members, as that member's own change (its
 * timeline says it came from the storm). A member where it changes nothing (already resolved,
 * already at that impact) is left as it is. Answers the members that changed.
 */
export async function fanOutToMembers(
  store: Store,
  storm: Incident,
  change: (member: Incident) => Transition,
  now: Date,
): Promise<Incident[]> {
  const changed: Incident[] = [];
  for (const seq of storm.storm?.members ?? []) {
    const outcome = await store.mutateIncident(
      seq,
      now,
      (member) => {
        const result = change(member);
        if (result.kind !== 'changed') return result;
        const text = `${result.entry.text} (on storm ${incidentId(storm.seq)})`;
        return { ...result, entry: { ...result.entry, text } };
      },
      `storm-fan-out:${storm.seq}:${storm.version}:${seq}`,
    );
    if (outcome.kind === 'changed') changed.push(outcome.incident);
  }
  return changed;
}

/** A member was split out: the storm drops it from its list, on the storm's timeline. */
export async function leaveStorm(
  store: Store,
  stormSeq: number,
  member: Incident,
  actorId: string,
  now: Date,
): Promise<Incident | undefined> {
  const outcome = await store.mutateIncident(
    stormSeq,
    now,
    (storm) => {
      const members = (storm.storm?.members ?? []).filter((seq) => seq !== member.seq);
      return {
        kind: 'changed',
        incident: storm.storm
          ? { ...storm, storm: { ...storm.storm, members }, updatedAt: now, version: storm.version + 1 }
          : storm,
        entry: { at: now, kind: 'annotation', actor: actorId, text: `split ${incidentId(member.seq)} out` },
      };
    },
    `storm-split:${stormSeq}:${member.seq}:${member.version}`,
  );
  return outcome.kind === 'changed' ? outcome.incident : undefined;
}
