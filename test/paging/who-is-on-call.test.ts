import { describe, expect, it } from 'vitest';
import { rotationSchema } from '../../src/config/oncall-schema.ts';
import { type RotationConfig, whoIsOnCall } from '../../src/paging/who-is-on-call.ts';

function rotation(input: Record<string, unknown>): RotationConfig {
  return rotationSchema.parse({ timezone: 'Europe/Berlin', ...input });
}

const at = (iso: string) => new Date(iso);
const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1);

// Weekly, Monday 09:00 in Berlin, from Monday 5 January 2026: week k belongs to members[k mod 3].
const weekly = rotation({
  members: ['U0ALICE', 'U0BOB', 'U0CAROL'],
  shift: '7d',
  handoff: 'mon 09:00',
  start: '2026-01-05',
});

describe('whoIsOnCall, weekly Monday 09:00 Europe/Berlin across DST (2026)', () => {
  it('hands off at 08:00 UTC in winter (Monday 23 March, CET)', () => {
    expect(whoIsOnCall(weekly, justBefore('2026-03-23T08:00:00Z')).current.userId).toBe('U0BOB');
    expect(whoIsOnCall(weekly, at('2026-03-23T08:00:00Z')).current).toEqual({
      userId: 'U0CAROL',
      since: at('2026-03-23T08:00:00Z'),
      // Clocks go forward on Sunday 29 March: this shift is 167 hours long.
      until: at('2026-03-30T07:00:00Z'),
    });
  });

  it('hands off at 07:00 UTC after clocks go forward (Monday 30 March, CEST)', () => {
    const before = whoIsOnCall(weekly, justBefore('2026-03-30T07:00:00Z'));
    expect(before.current.userId).toBe('U0CAROL');
    expect(before.next).toEqual({ userId: 'U0ALICE', from: at('2026-03-30T07:00:00Z') });
    const after = whoIsOnCall(weekly, at('2026-03-30T07:00:00Z'));
    expect(after.current).toEqual({
      userId: 'U0ALICE',
      since: at('2026-03-30T07:00:00Z'),
      until: at('2026-04-06T07:00:00Z'),
    });
    expect(after.next).toEqual({ userId: 'U0BOB', from: at('2026-04-06T07:00:00Z') });
    // 08:00 UTC, where a hand-off kept in UTC would be, changes nothing.
    expect(whoIsOnCall(weekly, at('2026-03-30T08:00:00Z')).current.userId).toBe('U0ALICE');
  });

  it('hands off at 08:00 UTC after clocks go back (Monday 26 October, CET)', () => {
    const before = whoIsOnCall(weekly, justBefore('2026-10-26T08:00:00Z'));
    expect(before.current).toEqual({
      userId: 'U0CAROL',
      since: at('2026-10-19T07:00:00Z'),
      // Clocks go back on Sunday 25 October: this shift is 169 hours long.
      until: at('2026-10-26T08:00:00Z'),
    });
    // 07:00 UTC, last week's hand-off instant, is still Carol's.
    expect(whoIsOnCall(weekly, at('2026-10-26T07:00:00Z')).current.userId).toBe('U0CAROL');
    expect(whoIsOnCall(weekly, at('2026-10-26T08:00:00Z')).current).toEqual({
      userId: 'U0ALICE',
      since: at('2026-10-26T08:00:00Z'),
      until: at('2026-11-02T08:00:00Z'),
    });
  });

  it('counts turns backwards before the start date too', () => {
    expect(whoIsOnCall(weekly, at('2026-01-04T12:00:00Z')).current.userId).toBe('U0CAROL');
    expect(whoIsOnCall(weekly, at('2026-01-05T08:00:00Z')).current.userId).toBe('U0ALICE');
  });
});

describe('whoIsOnCall, daily and 12-hour shifts', () => {
  it('hands a daily rotation over at 09:00 local, so the DST day is 23 hours', () => {
    const daily = rotation({
      members: ['U0ALICE', 'U0BOB'],
      shift: '1d',
      handoff: '09:00',
      start: '2026-03-28',
    });
    expect(whoIsOnCall(daily, at('2026-03-29T06:59:59Z')).current).toEqual({
      userId: 'U0ALICE',
      since: at('2026-03-28T08:00:00Z'),
      until: at('2026-03-29T07:00:00Z'),
    });
    expect(whoIsOnCall(daily, at('2026-03-29T07:00:00Z')).current.userId).toBe('U0BOB');
    expect(whoIsOnCall(daily, at('2026-03-30T07:00:00Z')).current.userId).toBe('U0ALICE');
  });

  it('keeps 12-hour shifts at 09:00 and 21:00 on the wall clock', () => {
    const twice = rotation({
      members: ['U0ALICE', 'U0BOB'],
      shift: '12h',
      handoff: '09:00',
      start: '2026-10-24',
    });
    const night = whoIsOnCall(twice, at('2026-10-25T00:00:00Z'));
    // Saturday 21:00 CEST to Sunday 09:00 CET: 13 hours, the night clocks go back.
    expect(night.current).toEqual({
      userId: 'U0BOB',
      since: at('2026-10-24T19:00:00Z'),
      until: at('2026-10-25T08:00:00Z'),
    });
    expect(night.next).toEqual({ userId: 'U0ALICE', from: at('2026-10-25T08:00:00Z') });
  });

  it('moves a hand-off that falls in the skipped hour to just after it', () => {
    const early = rotation({
      members: ['U0ALICE', 'U0BOB'],
      shift: '1d',
      handoff: '02:30',
      start: '2026-03-28',
    });
    // 02:30 does not exist on 29 March in Berlin; 03:30 CEST is 01:30 UTC.
    expect(whoIsOnCall(early, at('2026-03-29T01:29:59Z')).current.userId).toBe('U0ALICE');
    expect(whoIsOnCall(early, at('2026-03-29T01:30:00Z')).current.userId).toBe('U0BOB');
  });

  it('names the lone member of a rotation of one as next, at the next hand-off', () => {
    const solo = rotation({ members: ['U0ALICE'], shift: '7d', handoff: 'mon 09:00' });
    expect(whoIsOnCall(solo, at('2026-03-31T12:00:00Z'))).toEqual({
      current: { userId: 'U0ALICE', since: at('2026-03-30T07:00:00Z'), until: at('2026-04-06T07:00:00Z') },
      next: { userId: 'U0ALICE', from: at('2026-04-06T07:00:00Z') },
    });
  });
});

describe('whoIsOnCall with overrides', () => {
  const covered = rotation({
    members: ['U0ALICE', 'U0BOB', 'U0CAROL'],
    shift: '7d',
    handoff: 'mon 09:00',
    start: '2026-01-05',
    overrides: [
      {
        user: 'U0DAVE',
        from: '2026-03-25T12:00:00+01:00',
        to: '2026-03-27T18:00:00+01:00',
        reason: 'Carol away',
      },
    ],
  });

  it('gives the shift to the person covering while the override lasts', () => {
    expect(whoIsOnCall(covered, at('2026-03-26T10:00:00Z'))).toEqual({
      current: {
        userId: 'U0DAVE',
        since: at('2026-03-25T11:00:00Z'),
        until: at('2026-03-27T17:00:00Z'),
        override: { reason: 'Carol away' },
      },
      next: { userId: 'U0CAROL', from: at('2026-03-27T17:00:00Z') },
    });
  });

  it('cuts the regular shift around the override', () => {
    expect(whoIsOnCall(covered, at('2026-03-24T10:00:00Z'))).toEqual({
      current: { userId: 'U0CAROL', since: at('2026-03-23T08:00:00Z'), until: at('2026-03-25T11:00:00Z') },
      next: { userId: 'U0DAVE', from: at('2026-03-25T11:00:00Z') },
    });
    expect(whoIsOnCall(covered, at('2026-03-27T17:00:00Z')).current).toEqual({
      userId: 'U0CAROL',
      since: at('2026-03-27T17:00:00Z'),
      until: at('2026-03-30T07:00:00Z'),
    });
  });

  it('ends the override exactly at its end (to is exclusive)', () => {
    expect(whoIsOnCall(covered, justBefore('2026-03-27T17:00:00Z')).current.userId).toBe('U0DAVE');
    expect(whoIsOnCall(covered, at('2026-03-25T11:00:00Z')).current.userId).toBe('U0DAVE');
  });
});
