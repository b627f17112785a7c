import { describe, expect, it } from 'vitest';
import { snoozeCommand } from '../../commands/snooze.ts';
import { unsnoozeCommand } from '../../commands/unsnooze.ts';

const MINUTE = 60_000;

describe('/incident snooze arguments', () => {
  it.each([
    ['INC-7 30m', 7, 30 * MINUTE],
    ['7 1h', 7, 60 * MINUTE],
    ['inc-7 1h30m', 7, 90 * MINUTE],
    ['90m', undefined, 90 * MINUTE],
    ['24h', undefined, 24 * 60 * MINUTE],
  ])('reads %s', (text, id, duration) => {
    expect(snoozeCommand.parse(text)).toEqual({ ok: true, args: { id, duration } });
  });

  it.each([
    ['', 'No duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).'],
    // A bare number is read as the incident id: the duration still needs its unit.
    ['30', 'No duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).'],
    ['INC-7 soon', '`soon` is not a duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).'],
    ['INC-7 0m', '`0m` is not a duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).'],
    ['INC-7 2d', '`2d` is not a duration: say how long with a unit: 30m, 1h or 1h30m (at most 24 h).'],
    ['INC-7 24h1m', '`24h1m` is too long: snooze for at most 24 h.'],
    ['INC-7 30m 1h', 'Give one duration.'],
  ])('refuses %j, saying why', (text, problem) => {
    expect(snoozeCommand.parse(text)).toEqual({ ok: false, problem });
  });

  it('unsnooze takes an optional id only', () => {
    expect(unsnoozeCommand.parse('INC-7')).toEqual({ ok: true, args: { id: 7 } });
    expect(unsnoozeCommand.parse('')).toEqual({ ok: true, args: { id: undefined } });
    expect(unsnoozeCommand.parse('INC-7 now').ok).toBe(false);
  });
});
