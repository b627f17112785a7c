import { describe, expect, it } from 'vitest';
import { findIncident } from '../../src/incidents/find-incident.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import type { Store } from '../../src/store/store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

function storeWith(cardedHere: Incident[], open: Incident[] = cardedHere): Store {
  return {
    findIncidentByChannel: async () => undefined,
    listOpenIncidentsCardedIn: async () => cardedHere,
    listOpenIncidents: async () => open,
  } as unknown as Store;
}

const storm = openIncident({
  seq: 6,
  title: 'Storm: CPUUtilization alarms on 3 resources',
  storm: { key: 'k', what: 'CPUUtilization alarms', members: [1, 2, 5] },
});
const member = (seq: number) => openIncident({ seq, stormSeq: 6 });

describe('findIncident without an id', () => {
  it("takes the storm as the one open incident here, though its first members' cards are here too", async () => {
    const lookup = await findIncident(storeWith([member(1), member(2), storm]), undefined, 'C0ALERTS');
    expect(lookup).toMatchObject({ kind: 'found', incident: { seq: 6 } });
  });

  it('lists a storm once, not its members, among the incidents to choose from', async () => {
    const other = openIncident({ seq: 9 });
    const lookup = await findIncident(storeWith([member(1), storm, other]), undefined, 'C0ALERTS');
    expect(lookup.kind).toBe('ambiguous');
    if (lookup.kind !== 'ambiguous') return;
    expect(lookup.candidates.map((incident) => incident.seq)).toEqual([6, 9]);
  });

  it('keeps a member whose storm is not among them (its storm card is elsewhere)', async () => {
    const lookup = await findIncident(storeWith([member(1)]), undefined, 'C0ALERTS');
    expect(lookup).toMatchObject({ kind: 'found', incident: { seq: 1 } });
  });
});
