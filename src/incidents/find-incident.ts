import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import type { Store } from '../store/store.ts';
import { type Incident, incidentId } from './incident.ts';

export type IncidentLookup =
  | { kind: 'found'; incident: Incident }
  | { kind: 'not-found'; id: string }
  /** No id given and the channel does not say which incident. */
  | { kind: 'ambiguous'; candidates: Incident[] }
  | { kind: 'none-open' };

/** `INC-42`, `inc-42` or `42`; undefined when the text is not an incident id. */
export function parseIncidentId(text: string): number | undefined {
  const match = /^(?:inc-)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * Which incident a command means: the id when given; else the incident whose own channel this
 * is; else the one open incident with its card in this channel; else the candidates to choose from.
 */
export async function findIncident(
  store: Store,
  id: number | undefined,
  channelId: string,
): Promise<IncidentLookup> {
  if (id !== undefined) {
    const incident = await store.getIncident(id);
    return incident ? { kind: 'found', incident } : { kind: 'not-found', id: incidentId(id) };
  }
  const own = await store.findIncidentByChannel(channelId);
  if (own) return { kind: 'found', incident: own };
  const here = withoutStormMembers(await store.listOpenIncidentsCardedIn(channelId));
  if (here.length === 1 && here[0]) return { kind: 'found', incident: here[0] };
  if (here.length > 1) return { kind: 'ambiguous', candidates: here };
  const open = withoutStormMembers(await store.listOpenIncidents());
  return open.length > 0 ? { kind: 'ambiguous', candidates: open } : { kind: 'none-open' };
}

/**
 * A storm's members are reached through the storm: members whose cards went out before the storm
 * formed must not make "the one open incident here" ambiguous, nor crowd the list to choose from.
 */
export function withoutStormMembers(incidents: readonly Incident[]): Incident[] {
  const storms = new Set(incidents.filter((incident) => incident.storm).map((incident) => incident.seq));
  return incidents.filter((incident) => incident.stormSeq === undefined || !storms.has(incident.stormSeq));
}

/** The reply for a lookup that found nothing usable. */
export function describeLookupFailure(
  lookup: Exclude<IncidentLookup, { kind: 'found' }>,
  usage: string,
): string {
  switch (lookup.kind) {
    case 'not-found':
      return `There is no incident ${lookup.id}.`;
    case 'none-open':
      return 'There is no open incident.';
    case 'ambiguous': {
      const list = lookup.candidates
        .slice(0, 10)
        .map(
          (incident) =>
            `• ${incidentId(incident.seq)} (impact ${incident.impact}) ${escapeMrkdwn(incident.title)}`,
        )
        .join('\n');
      return `Which incident? Name it, e.g. \`${usage}\`. Open incidents:\n${list}`;
    }
  }
}
