import { describe, expect, it } from 'vitest';
import { parseTypedTime, utcDateTime } from '../../src/incidents/typed-time.ts';

const now = new Date('2026-12-07T10:15:00Z');

function at(text: string): string {
  const typed = parseTypedTime(text, now);
  if (!typed.ok) throw new Error(typed.problem);
  return typed.at.toISOString();
}

function problem(text: string): string {
  const typed = parseTypedTime(text, now);
  if (typed.ok) throw new Error(`read ${text} as ${typed.at.toISOString()}`);
  return typed.problem;
}

describe('parseTypedTime', () => {
  it('reads a time of day as today, in UTC', () => {
    expect(at('09:40')).toBe('2026-12-07T09:40:00.000Z');
    expect(at('today 9:05')).toBe('2026-12-07T09:05:00.000Z');
  });

  it('reads yesterday across the day boundary', () => {
    expect(at('yesterday 23:10')).toBe('2026-12-06T23:10:00.000Z');
    expect(at('Yesterday 00:00')).toBe('2026-12-06T00:00:00.000Z');
  });

  it('reads a date and time, and ISO 8601', () => {
    expect(at('2026-12-05 09:40')).toBe('2026-12-05T09:40:00.000Z');
    expect(at('2026-12-05T09:40:30Z')).toBe('2026-12-05T09:40:30.000Z');
    expect(at('2026-12-05T09:40:30.250Z')).toBe('2026-12-05T09:40:30.000Z');
  });

  it('honours a zone when one is given, else UTC', () => {
    expect(at('2026-12-05T09:40:00+01:00')).toBe('2026-12-05T08:40:00.000Z');
    expect(at('09:40 -0500')).toBe('2026-12-07T14:40:00.000Z');
    expect(at('09:40 UTC')).toBe('2026-12-07T09:40:00.000Z');
  });

  it('takes "today" in the zone given: 01:30 +05:00 at 22:00 UTC is the next calendar day there', () => {
    const late = new Date('2026-12-06T22:00:00Z');
    const typed = parseTypedTime('01:30 +05:00', late);
    expect(typed.ok && typed.at.toISOString()).toBe('2026-12-06T20:30:00.000Z');
  });

  it('says why it cannot read a time', () => {
    expect(problem('half past nine')).toContain('is not a time I can read: use `09:40`');
    expect(problem('24:00')).toBe('"24:00" is not a time of day.');
    expect(problem('2026-02-30 09:00')).toBe('2026-02-30 is not a date.');
    expect(problem('09:00 +15:00')).toBe('"+15:00" is not a time zone offset: use +01:00, -0500 or Z.');
  });
});

describe('utcDateTime', () => {
  it('shows a moment as it can be typed back', () => {
    expect(utcDateTime(new Date('2026-12-06T23:10:00Z'))).toBe('2026-12-06 23:10 UTC');
    expect(utcDateTime(new Date('2026-12-06T23:10:05Z'))).toBe('2026-12-06 23:10:05 UTC');
  });
});
