import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/incidents/duration-text.ts';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it('says seconds under a minute, minutes under an hour', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45 * S + 900)).toBe('45 s');
    expect(formatDuration(12 * MIN + 59 * S)).toBe('12 min');
  });

  it('says hours and minutes under a day, without a zero part', () => {
    expect(formatDuration(H + 12 * MIN)).toBe('1 h 12 min');
    expect(formatDuration(2 * H)).toBe('2 h');
    expect(formatDuration(23 * H + 59 * MIN + 59 * S)).toBe('23 h 59 min');
  });

  it('keeps whole days: days and hours from a day on', () => {
    expect(formatDuration(D)).toBe('1 d');
    expect(formatDuration(2 * D + 3 * H + 40 * MIN)).toBe('2 d 3 h');
    expect(formatDuration(31 * D + H)).toBe('31 d 1 h');
  });

  it('is the same across a daylight-saving change: days are UTC arithmetic', () => {
    // 2026-03-29 is when most of Europe moves its clocks; the span is still exactly one day.
    const span = Date.parse('2026-03-30T09:00:00Z') - Date.parse('2026-03-29T09:00:00Z');
    expect(formatDuration(span)).toBe('1 d');
  });

  it('refuses a negative duration instead of showing one', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
