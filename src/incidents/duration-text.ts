const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A lifecycle duration in plain units, cut (never rounded up) to its two largest: `45 s`, `12 min`,
 * `1 h 12 min`, `2 d 3 h`. Plain millisecond arithmetic, so days are 24 h and no time zone or
 * daylight-saving change can shift it. A negative duration is a bug upstream: it throws.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A duration cannot be ${ms} ms.`);
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return joinUnits(Math.floor(ms / HOUR), 'h', minutes, 'min');
  }
  return joinUnits(Math.floor(ms / DAY), 'd', Math.floor((ms % DAY) / HOUR), 'h');
}

function joinUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}
