/** A time as a person typed it: the moment, or why it is not one. */
export type TypedTime = { ok: true; at: Date } | { ok: false; problem: string };

export const TYPED_TIME_FORMS =
  '`09:40`, `yesterday 23:10`, `2026-12-07 09:40` or ISO `2026-12-07T09:40:00Z`; UTC unless a zone is given (`+01:00`, `-0500`, `Z`)';

const PATTERN =
  /^(?:(today|yesterday)\s+|(\d{4})-(\d{2})-(\d{2})(?:\s+|T))?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?\s*(z|utc|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAY_MS = 86_400_000;

/** Minutes east of UTC that a zone suffix names (`Z`, `UTC`, `+01:00`, `-0500`, `+05`). */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Reads the forms people type for a moment: a time of day (today, or `yesterday`, in the zone
 * given), a date and time, or ISO 8601. Without a zone it is UTC, never the server's own zone.
 * Pure: `now` decides what "today" is.
 */
export function parseTypedTime(text: string, now: Date): TypedTime {
  const trimmed = text.trim();
  const match = PATTERN.exec(trimmed);
  const unreadable = {
    ok: false as const,
    problem: `"${trimmed}" is not a time I can read: use ${TYPED_TIME_FORMS}.`,
  };
  if (!match) return unreadable;
  const [, relative, year, month, day, hour, minute, second, zone] = match;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined)
    return { ok: false, problem: `"${zone}" is not a time zone offset: use +01:00, -0500 or Z.` };
  const [h, m, s] = [Number(hour), Number(minute), Number(second ?? '0')];
  if (h > 23 || m > 59 || s > 59) return { ok: false, problem: `"${trimmed}" is not a time of day.` };
  const offsetMs = offset * 60_000;
  let y: number;
  let mo: number;
  let d: number;
  if (year !== undefined) {
    [y, mo, d] = [Number(year), Number(month) - 1, Number(day)];
    const check = new Date(Date.UTC(y, mo, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d)
      return { ok: false, problem: `${year}-${month}-${day} is not a date.` };
  } else {
    // Today (or yesterday) as the calendar reads in the zone given.
    const local = new Date(now.getTime() + offsetMs - (relative?.toLowerCase() === 'yesterday' ? DAY_MS : 0));
    [y, mo, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  }
  return { ok: true, at: new Date(Date.UTC(y, mo, d, h, m, s) - offsetMs) };
}

/** `2026-12-07 09:40 UTC`: a moment as people type it back (seconds shown only when not zero). */
export function utcDateTime(at: Date): string {
  const iso = at.toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`} UTC`;
}
