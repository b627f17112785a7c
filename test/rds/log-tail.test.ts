import { describe, expect, it } from 'vitest';
import { MAX_LOG_LINE, tailLogLines } from '../../src/rds/log-tail.ts';
import type { LogPortion } from '../../src/rds/rds-facts.ts';

type Request = { lines: number; marker?: string };

/** A fake RDS over a list of lines: the tail without a Marker, forward from one, cut every `perPortion` lines. */
function fakeRds(lines: string[], perPortion = Number.POSITIVE_INFINITY) {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<LogPortion> => {
    requests.push(request);
    const start =
      request.marker === undefined ? Math.max(0, lines.length - request.lines) : Number(request.marker);
    const end = Math.min(lines.length, start + request.lines, start + perPortion);
    const data = lines
      .slice(start, end)
      .map((line) => `${line}\n`)
      .join('');
    return { data, marker: String(end), pending: end < lines.length };
  };
  return { fetch, requests };
}

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index}`);

describe('tailLogLines', () => {
  it('asks once for the last N lines, with NumberOfLines and no Marker', async () => {
    const rds = fakeRds(numbered(1000));
    const tail = await tailLogLines(rds.fetch, 3);
    expect(tail).toEqual({ lines: ['line 997', 'line 998', 'line 999'], complete: true, portions: 1 });
    expect(rds.requests).toEqual([{ lines: 3 }]);
  });

  it('follows the Marker of a portion cut short and keeps only the last N lines', async () => {
    const rds = fakeRds(numbered(100), 4);
    const tail = await tailLogLines(rds.fetch, 10);
    expect(tail.lines).toEqual(numbered(100).slice(90));
    expect(rds.requests).toEqual([{ lines: 10 }, { lines: 10, marker: '94' }, { lines: 10, marker: '98' }]);
    expect(tail.complete).toBe(true);
  });

  it('joins a line split across two portions and cuts very long lines', async () => {
    const portions: LogPortion[] = [
      { data: 'first\nsec', marker: 'm1', pending: true },
      { data: `ond\n${'x'.repeat(5000)}\n`, marker: 'm2', pending: false },
    ];
    const tail = await tailLogLines(async () => portions.shift() ?? { data: '', pending: false }, 5);
    expect(tail.lines.slice(0, 2)).toEqual(['first', 'second']);
    expect(tail.lines[2]).toHaveLength(MAX_LOG_LINE);
  });

  it('stops after a bounded number of portions when the file keeps growing', async () => {
    let calls = 0;
    const growing = async (): Promise<LogPortion> => {
      calls += 1;
      return { data: `line ${calls}\n`, marker: String(calls), pending: true };
    };
    const tail = await tailLogLines(growing, 2, 5);
    expect(tail).toEqual({ lines: ['line 4', 'line 5'], complete: false, portions: 5 });
  });

  it('stops when RDS answers the same Marker again', async () => {
    const stuck = async (): Promise<LogPortion> => ({ data: 'again\n', marker: 'same', pending: true });
    const tail = await tailLogLines(stuck, 5);
    expect(tail.portions).toBe(2);
  });
});
