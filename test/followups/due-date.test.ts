import { describe, expect, it } from 'vitest';
import { isOverdue, parseDue } from '../../src/followups/index.ts';

const now = new Date('2026-11-22T23:30:00Z');

describe('parseDue', () => {
  it('reads dates, today, tomorrow and in <n>d / in <n>w as UTC days', () => {
    expect(parseDue('2026-12-15', now)).toEqual({ ok: true, due: '2026-12-15' });
    expect(parseDue('today', now)).toEqual({ ok: true, due: '2026-11-22' });
    expect(parseDue('Tomorrow', now)).toEqual({ ok: true, due: '2026-11-23' });
    expect(parseDue('in 3d', now)).toEqual({ ok: true, due: '2026-11-25' });
    expect(parseDue('in 2w', now)).toEqual({ ok: true, due: '2026-12-06' });
    // Across a month and a year end.
    expect(parseDue('in 40d', now)).toEqual({ ok: true, due: '2027-01-01' });
  });

  it('refuses a day that does not exist, a past day, one over a year ahead, and anything else, saying why', () => {
    expect(parseDue('2026-02-30', now)).toEqual({
      ok: false,
      problem: '2026-02-30 is not a date: there is no such day.',
    });
    expect(parseDue('2026-11-21', now)).toEqual({
      ok: false,
      problem: '2026-11-21 is in the past: a follow-up is due today or later.',
    });
    expect(parseDue('in 400d', now)).toEqual({ ok: false, problem: '2027-12-27 is more than a year ahead.' });
    expect(parseDue('next week', now)).toEqual({
      ok: false,
      problem: '"next week" is not a due date: use YYYY-MM-DD, today, tomorrow, or in 3d / in 2w.',
    });
  });

  it('calls a follow-up overdue from the day after its due day', () => {
    expect(isOverdue('2026-11-22', now)).toBe(false);
    expect(isOverdue('2026-11-21', now)).toBe(true);
    expect(isOverdue(undefined, now)).toBe(false);
  });
});
