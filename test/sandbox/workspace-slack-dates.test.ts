import { describe, expect, it } from 'vitest';
import { formatSlackDate } from '../../sandbox/workspace/browser/slack-dates.ts';

// Local dates: the browser shows the reader's own time zone, whatever the machine's is.
const at = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(y, m - 1, d, h, min, s).getTime() / 1000;
const now = new Date(2026, 10, 22, 21, 0);

describe('Slack date tokens in the sandbox browser', () => {
  it("formats warroom's {date_short_pretty} {time} as Slack's client does", () => {
    expect(formatSlackDate(at(2026, 11, 22, 19, 51), '{date_short_pretty} {time}', now)).toBe('Today 19:51');
    expect(formatSlackDate(at(2026, 11, 21, 8, 5), '{date_short_pretty} {time}', now)).toBe(
      'Yesterday 08:05',
    );
    expect(formatSlackDate(at(2026, 11, 2, 8, 5), '{date_short_pretty} at {time_secs}', now)).toBe(
      'Nov 2, 2026 at 08:05:00',
    );
  });

  it('knows every documented token and leaves unknown ones alone', () => {
    const epoch = at(2026, 3, 1, 9, 3, 7);
    expect(formatSlackDate(epoch, '{date_num}|{date}|{date_short}|{date_long}|{nope}', now)).toBe(
      '2026-03-01|March 1st, 2026|Mar 1, 2026|Sunday, March 1st, 2026|{nope}',
    );
    expect(formatSlackDate(at(2026, 11, 23, 0, 30), '{date_pretty}', now)).toBe('Tomorrow');
    expect(formatSlackDate(at(2026, 11, 12), '{date}', now)).toBe('November 12th, 2026');
  });
});
