import { describe, expect, it } from 'vitest';
import { buildIncidentCard } from '../../src/incidents/incident-card.ts';
import { endSnooze, isSnoozed, snoozeIncident } from '../../src/incidents/snooze.ts';
import { resolve } from '../../src/incidents/transitions.ts';
import { BLOCK_IDS } from '../../src/slack/ids.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const now = new Date('2026-12-07T14:00:00Z');
const MINUTE = 60_000;
const alice = { userId: 'U0ALICE' };

describe('snoozing an incident', () => {
  it('pauses until now + the duration, says until when on the timeline, and bumps the version', () => {
    const result = snoozeIncident(openIncident(), 30 * MINUTE, alice, now);
    expect(result.kind).toBe('changed');
    if (result.kind !== 'changed') return;
    expect(result.incident.snooze).toEqual({
      by: 'U0ALICE',
      at: now,
      until: new Date('2026-12-07T14:30:00Z'),
    });
    expect(result.incident.version).toBe(2);
    expect(result.entry).toMatchObject({
      actor: 'U0ALICE',
      text: 'snoozed escalation and reminders until 14:30 UTC (30 min)',
    });
    expect(isSnoozed(result.incident, new Date(now.getTime() + 29 * MINUTE))).toBe(true);
    expect(isSnoozed(result.incident, new Date(now.getTime() + 30 * MINUTE))).toBe(false);
  });

  it('refuses a second snooze while one runs, naming whose, and allows one after it ran out', () => {
    const snoozed = openIncident({
      snooze: { by: 'U0BOB', at: now, until: new Date(now.getTime() + 10 * MINUTE) },
    });
    expect(snoozeIncident(snoozed, 60 * MINUTE, alice, now)).toEqual({
      kind: 'unchanged',
      code: 'ALREADY_SNOOZED',
      message: 'INC-7 is already snoozed until 14:10 UTC by <@U0BOB>; `/incident unsnooze INC-7` ends it.',
    });
    expect(snoozeIncident(snoozed, 60 * MINUTE, alice, new Date(now.getTime() + 10 * MINUTE)).kind).toBe(
      'changed',
    );
  });

  it('refuses a resolved incident', () => {
    expect(snoozeIncident(openIncident({ status: 'resolved' }), MINUTE, alice, now)).toMatchObject({
      kind: 'unchanged',
      code: 'RESOLVED',
    });
  });

  it('ends saying why, and an incident not snoozed has nothing to end', () => {
    const snoozed = openIncident({
      snooze: { by: 'U0BOB', at: now, until: new Date(now.getTime() + 10 * MINUTE) },
    });
    const raised = endSnooze(snoozed, { kind: 'raised', impact: 2 }, now);
    expect(raised).toMatchObject({
      kind: 'changed',
      entry: {
        actor: 'warroom',
        text: 'snooze ended: a new signal raised the impact to 2 · High; escalation resumes at it',
      },
    });
    if (raised.kind === 'changed') expect(raised.incident.snooze).toBeUndefined();
    expect(endSnooze(openIncident(), { kind: 'time-up' }, now)).toMatchObject({ code: 'NOT_SNOOZED' });
  });

  it('ends with the incident when it is resolved', () => {
    const snooze = { by: 'U0BOB', at: now, until: new Date(now.getTime() + 10 * MINUTE) };
    const resolved = resolve(openIncident({ snooze }), undefined, alice, now);
    expect(resolved.kind === 'changed' && resolved.incident.snooze).toBe(undefined);
  });

  it('shows on the card as a 24-hour time and who snoozed, until resolved', () => {
    const snooze = { by: 'U0BOB', at: now, until: new Date('2026-12-07T14:30:00Z') };
    const card = buildIncidentCard(openIncident({ snooze }), { defaultRegion: 'us-east-1' });
    const line = card.blocks.find((block) => block.block_id === BLOCK_IDS.cardSnooze);
    expect(JSON.stringify(line)).toContain(
      `💤 Snoozed until <!date^${Date.parse('2026-12-07T14:30:00Z') / 1000}^{time}|14:30 UTC> by <@U0BOB>`,
    );
    const resolved = buildIncidentCard(openIncident({ snooze, status: 'resolved' }), {
      defaultRegion: 'us-east-1',
    });
    expect(resolved.blocks.some((block) => block.block_id === BLOCK_IDS.cardSnooze)).toBe(false);
  });
});
