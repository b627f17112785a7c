import { describe, expect, it } from 'vitest';
import {
  CUT_MARK,
  encodeEventData,
  incidentManagerWrites,
  MAX_EVENT_DATA,
} from '../../src/incident-manager/incident-manager-writes.ts';
import { resolve, setImpact } from '../../src/incidents/transitions.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const arn = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';
const now = new Date('2026-11-22T09:30:00Z');

describe('incidentManagerWrites', () => {
  it('writes nothing for an incident that does not live in Incident Manager', () => {
    const change = setImpact(openIncident(), 2, { userId: 'U1' }, now);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(incidentManagerWrites(openIncident(), change.incident, change.entry)).toEqual([]);
  });

  it('writes the impact and a timeline event naming the user', () => {
    const before = openIncident({ incidentManagerArn: arn });
    const change = setImpact(before, 2, { userId: 'U0ALICE' }, now);
    if (change.kind !== 'changed') throw new Error('expected a change');
    const writes = incidentManagerWrites(before, change.incident, change.entry);
    expect(writes).toContainEqual({ kind: 'update-record', arn, impact: 2 });
    const event = writes.find((write) => write.kind === 'timeline-event');
    expect(event).toMatchObject({ arn, eventTime: now.toISOString(), resourceArn: before.resource?.arn });
    expect(JSON.parse(event?.kind === 'timeline-event' ? event.eventData : '""')).toBe(
      // A mention, named as a person when the outbox writes it (IncidentManagerSync).
      'warroom: <@U0ALICE> set the impact to 2 (High) (3 → 2)',
    );
  });

  it('resolves the record with the summary', () => {
    const before = openIncident({ incidentManagerArn: arn });
    const change = resolve(before, 'replica promoted', { userId: 'U0BOB' }, now);
    if (change.kind !== 'changed') throw new Error('expected a change');
    expect(incidentManagerWrites(before, change.incident, change.entry)).toContainEqual({
      kind: 'update-record',
      arn,
      status: 'RESOLVED',
      summary: 'replica promoted',
    });
  });

  it('links the affected resource when the incident is first linked', () => {
    const after = openIncident({ incidentManagerArn: arn });
    const writes = incidentManagerWrites(undefined, after, {
      at: now,
      kind: 'opened',
      actor: 'aws:cloudwatch-alarm',
      text: 'x',
    });
    expect(writes).toContainEqual({
      kind: 'related-item',
      arn,
      itemType: 'INVOLVED_RESOURCE',
      value: { arn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db' },
      title: 'orders-db',
    });
  });

  it('keeps eventData within 12,000 characters after JSON encoding', () => {
    const encoded = encodeEventData(`${'"'.repeat(7000)}${'x'.repeat(7000)}`);
    expect(encoded.length).toBeLessThanOrEqual(MAX_EVENT_DATA);
    expect(typeof JSON.parse(encoded)).toBe('string');
  });

  it('says so when it cuts an event to fit', () => {
    const encoded = encodeEventData(`start ${'x'.repeat(13_000)} end`);
    expect(encoded.length).toBeLessThanOrEqual(MAX_EVENT_DATA);
    const text = JSON.parse(encoded) as string;
    expect(text.startsWith('start x')).toBe(true);
    expect(text.endsWith(CUT_MARK)).toBe(true);
    expect(text).not.toContain(' end');
  });

  it('leaves an event that fits as it is', () => {
    expect(JSON.parse(encodeEventData('short "quoted" note'))).toBe('short "quoted" note');
  });
});
