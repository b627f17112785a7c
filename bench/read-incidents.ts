import type { Incident } from '../src/incidents/index.ts';
import type { Store } from '../src/store/store.ts';

/** An incident as the store holds it, with the ts of its card in the alert channel (if posted). */
export interface StoredIncident {
  incident: Incident;
  cardTs?: string;
}

/**
 * Every incident in the store, open or resolved, oldest first. Sequence numbers are handed out
 * one by one in a single writer's transactions, so the first missing one is the end; an open
 * incident beyond it would mean a gap, which is an error rather than something to skip.
 */
export async function readIncidents(store: Store, alertChannel: string): Promise<StoredIncident[]> {
  const found: StoredIncident[] = [];
  for (let seq = 1; ; seq++) {
    const incident = await store.getIncident(seq);
    if (!incident) break;
    found.push({ incident, cardTs: (await store.getCard(seq, alertChannel))?.ts });
  }
  const beyond = (await store.listOpenIncidents()).filter((open) => open.seq > found.length);
  if (beyond.length > 0)
    throw new Error(
      `incident numbers have a gap: INC-${found.length + 1} is missing, INC-${beyond[0]?.seq} is open`,
    );
  return found;
}
