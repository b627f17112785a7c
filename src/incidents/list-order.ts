import type { Incident } from './incident.ts';

/**
 * The order people read open incidents in: worst impact first, then newest. A storm is one line
 * (its members are counted on it), so twenty 3 · Medium shards never bury a 2 · High.
 */
export function orderForList(incidents: readonly Incident[]): Incident[] {
  return incidents
    .filter((incident) => incident.stormSeq === undefined)
    .sort((a, b) => a.impact - b.impact || b.openedAt.getTime() - a.openedAt.getTime() || b.seq - a.seq);
}

/** `· 20 resources in this storm` on a storm's line; nothing on any other incident. */
export function stormMembersText(incident: Incident): string | undefined {
  const count = incident.storm?.members.length;
  return count === undefined ? undefined : `${count} resource${count === 1 ? '' : 's'} in this storm`;
}
