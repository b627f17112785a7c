import type { Incident } from '../../../src/incidents/incident.ts';
import type { Store } from '../../../src/store/store.ts';
import { openIncident } from '../../support/incident-fixtures.ts';

/** Creates the fixture incident (orders-db unless overridden) as a person's declare would; answers its seq. */
export async function declareIncident(
  store: Store,
  at: Date,
  overrides: Partial<Incident> = {},
): Promise<number> {
  const { seq: _seq, ...incident } = openIncident(overrides);
  const { incident: created } = await store.createIncident(incident, {
    at,
    kind: 'opened',
    actor: 'aws:cloudwatch-alarm',
    text: 'opened',
  });
  return created.seq;
}
