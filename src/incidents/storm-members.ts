import type { Store } from '../store/store.ts';
import type { Incident } from './incident.ts';

/** A storm's member incidents, in the order they joined; a member no longer stored is left out. */
export async function loadStormMembers(
  store: Pick<Store, 'getIncidents'>,
  storm: Pick<Incident, 'storm'>,
): Promise<Incident[]> {
  // One read for all of them: on DynamoDB a storm of fifty is one request, not fifty.
  return store.getIncidents(storm.storm?.members ?? []);
}
