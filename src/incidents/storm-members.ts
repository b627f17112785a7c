import type { Store } from '../store/store.ts';
import type { Incident } from './incident.ts';

/** A storm's member incidents, in the order they joined; a member no longer stored is left out. */
export async function loadStormMembers(
  store: Pick<Store, 'getIncident'>,
  storm: Pick<Incident, 'storm'>,
): Promise<Incident[]> {
  const members: Incident[] = [];
  for (const seq of storm.storm?.members ?? []) {
    const member = await store.getIncident(seq);
    if (member) members.push(member);
  }
  return members;
}
