import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.ts';
import { buildStormSection, describeStormZones } from '../../src/incidents/storm-section.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const member = (seq: number, db: string, impact: Incident['impact'] = 3) =>
  openIncident({
    seq,
    impact,
    stormSeq: 1,
    resource: { kind: 'rds-instance', id: db, region: 'us-east-1', accountId: '123456789012' },
  });

const members = [
  member(2, 'shard-1'),
  member(3, 'shard-2', 2),
  member(4, 'shard-3'),
  member(5, 'Shard-4'),
  member(6, 'shard-5'),
];

function storm(zones?: Record<string, string>): Incident {
  return openIncident({
    seq: 1,
    storm: { key: 'k', what: 'CPUUtilization alarms', members: [2, 3, 4, 5, 6], zones },
  });
}

const sectionText = (incident: Incident) => JSON.stringify(buildStormSection(incident, members));

describe('the storm card says where its databases run', () => {
  it('counts the members by Availability Zone, most first, on the line naming the Region', () => {
    const zones = {
      'shard-1': 'us-east-1b',
      'shard-2': 'us-east-1a',
      'shard-3': 'us-east-1b',
      'shard-4': 'us-east-1a',
      'shard-5': 'us-east-1b',
    };
    expect(sectionText(storm(zones))).toContain(
      'CPUUtilization alarms · AZs us-east-1b (3), us-east-1a (2)\\n',
    );
  });

  it('leaves out members whose zone is not known, and says AZ for a single zone', () => {
    expect(describeStormZones(members, { 'shard-2': 'us-east-1c', 'shard-9': 'us-east-1a' })).toBe(
      'AZ us-east-1c (1)',
    );
  });

  it('names no zones at all when none is known, never "unknown"', () => {
    expect(describeStormZones(members, undefined)).toBeUndefined();
    expect(describeStormZones(members, {})).toBeUndefined();
    const text = sectionText(storm());
    expect(text).toContain('CPUUtilization alarms\\n');
    expect(text).not.toMatch(/AZ|unknown/);
  });

  it('orders zones with as many members by name', () => {
    const zones = { 'shard-1': 'us-east-1c', 'shard-2': 'us-east-1a' };
    expect(describeStormZones(members, zones)).toBe('AZs us-east-1a (1), us-east-1c (1)');
  });
});
