import { describe, expect, it } from 'vitest';
import { acknowledge, addNote, reopen, resolve, setImpact } from '../../src/incidents/transitions.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const now = new Date('2026-11-22T09:30:00Z');
const alice = { userId: 'U0ALICE' };
const bob = { userId: 'U0BOB' };

describe('transitions', () => {
  it('acknowledges an open incident once, naming who and when for a late click', () => {
    const first = acknowledge(openIncident(), alice, now);
    expect(first.kind).toBe('changed');
    if (first.kind !== 'changed') return;
    expect(first.incident).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'U0ALICE', version: 2 });
    expect(first.entry).toMatchObject({ kind: 'status', actor: 'U0ALICE', from: 'open', to: 'acknowledged' });
    const late = acknowledge(first.incident, bob, now);
    expect(late).toEqual({
      kind: 'unchanged',
      code: 'ALREADY_ACKNOWLEDGED',
      message: 'INC-7 was already acknowledged by <@U0ALICE> at 2026-11-22 09:30 UTC.',
    });
  });

  it('sets the impact with from → to, marks it set by a person, and refuses the same value', () => {
    const result = setImpact(openIncident(), 2, alice, now);
    expect(result.kind === 'changed' && result.incident).toMatchObject({ impact: 2, impactSetBy: 'person' });
    expect(result.kind === 'changed' && result.entry).toMatchObject({ kind: 'impact', from: '3', to: '2' });
    expect(setImpact(openIncident(), 3, alice, now)).toMatchObject({
      kind: 'unchanged',
      code: 'SAME_IMPACT',
    });
  });

  it('resolves with a summary, refuses a second resolve, and reopens to the earlier status', () => {
    const acked = acknowledge(openIncident(), alice, now);
    if (acked.kind !== 'changed') throw new Error('expected a change');
    const resolved = resolve(acked.incident, 'failover done, CPU normal', bob, now);
    if (resolved.kind !== 'changed') throw new Error('expected a change');
    expect(resolved.incident).toMatchObject({
      status: 'resolved',
      resolvedBy: 'U0BOB',
      summary: 'failover done, CPU normal',
    });
    expect(resolve(resolved.incident, undefined, alice, now)).toMatchObject({
      kind: 'unchanged',
      code: 'ALREADY_RESOLVED',
    });
    expect(acknowledge(resolved.incident, alice, now)).toMatchObject({ kind: 'unchanged', code: 'RESOLVED' });
    expect(setImpact(resolved.incident, 1, alice, now)).toMatchObject({
      kind: 'unchanged',
      code: 'RESOLVED',
    });
    const reopened = reopen(resolved.incident, 'still failing', alice, now);
    expect(reopened.kind === 'changed' && reopened.incident.status).toBe('acknowledged');
    expect(reopen(openIncident(), 'still failing', alice, now)).toMatchObject({
      kind: 'unchanged',
      code: 'NOT_RESOLVED',
    });
  });

  it('adds a note as a timeline entry without changing the status', () => {
    const result = addNote(openIncident(), 'checked replica lag: 0 s', alice, now, 'view:V1');
    expect(result.kind === 'changed' && result.entry).toMatchObject({
      kind: 'note',
      text: 'checked replica lag: 0 s',
      dedupeKey: 'view:V1',
    });
    expect(result.kind === 'changed' && result.incident.status).toBe('open');
  });
});
