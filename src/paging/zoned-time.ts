const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA time zone (e.g. Europe/Berlin). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at an instant, in ms (Europe/Berlin in July: +7 200 000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // Intl has no milliseconds here, so compare against the instant floored to the second.
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * "Local ms": a wall-clock time in the zone written as if it were UTC (Date.UTC of its fields).
 * The wall-clock time of an instant.
 */
export function toLocalMs(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/**
 * The instant of a wall-clock time in the zone. Like Temporal's 'compatible': a time repeated when
 * clocks go back is the first (earlier) one; a time skipped when clocks go forward is read with the
 * offset before the change, so 02:30 on a spring-forward night in Berlin is 03:30 CEST.
 */
export function fromLocalMs(timeZone: string, localMs: number): number {
  const before = zoneOffsetMs(timeZone, localMs - DAY_MS);
  const after = zoneOffsetMs(timeZone, localMs + DAY_MS);
  const valid = [localMs - before, localMs - after].filter(
    (instant) => zoneOffsetMs(timeZone, instant) === localMs - instant,
  );
  return valid.length > 0 ? Math.min(...valid) : localMs - before;
}

export { DAY_MS };
