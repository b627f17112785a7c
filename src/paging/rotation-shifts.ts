import type { RotationConfig } from './rotation.ts';
import { DAY_MS, fromLocalMs, toLocalMs } from './zoned-time.ts';

const HOUR_MS = 3_600_000;

/** One stretch of time with one person on call. */
export interface Segment {
  userId: string;
  since: Date;
  until: Date;
  override?: { reason?: string };
}

/** The wall-clock time (local ms) of shift 0's hand-off: the first hand-off on or after `start`. */
function anchorLocalMs(rotation: RotationConfig): number {
  const [year = 1970, month = 1, day = 1] = rotation.start.split('-').map(Number);
  let anchor = Date.UTC(year, month - 1, day, rotation.handoff.hour, rotation.handoff.minute);
  const { weekday } = rotation.handoff;
  if (weekday !== undefined) anchor += ((weekday - new Date(anchor).getUTCDay() + 7) % 7) * DAY_MS;
  return anchor;
}

/**
 * Shift k's hand-off instant. Shifts are counted on the wall clock, so a `7d` shift is seven local
 * days (167 or 169 hours across a DST change) and `12h` shifts stay at 09:00 and 21:00 local.
 */
function handoffMs(rotation: RotationConfig, anchor: number, k: number): number {
  const length = rotation.shift.amount * (rotation.shift.unit === 'd' ? DAY_MS : HOUR_MS);
  return fromLocalMs(rotation.timezone, anchor + k * length);
}

/** The rotation's own shift holding `at` (ignoring overrides). */
export function shiftAt(rotation: RotationConfig, atMs: number): Segment {
  const anchor = anchorLocalMs(rotation);
  const length = rotation.shift.amount * (rotation.shift.unit === 'd' ? DAY_MS : HOUR_MS);
  let k = Math.floor((toLocalMs(rotation.timezone, atMs) - anchor) / length);
  // The wall-clock estimate can be one off around a DST change; the instants decide.
  while (handoffMs(rotation, anchor, k) > atMs) k -= 1;
  while (handoffMs(rotation, anchor, k + 1) <= atMs) k += 1;
  const count = rotation.members.length;
  return {
    userId: rotation.members[((k % count) + count) % count] as string,
    since: new Date(handoffMs(rotation, anchor, k)),
    until: new Date(handoffMs(rotation, anchor, k + 1)),
  };
}

/** Who holds `at` once overrides are applied: an override covering it, else the shift, cut by overrides. */
export function segmentAt(rotation: RotationConfig, atMs: number): Segment {
  const covering = rotation.overrides.find((o) => o.from.getTime() <= atMs && atMs < o.to.getTime());
  if (covering) {
    const override = covering.reason === undefined ? {} : { reason: covering.reason };
    return { userId: covering.user, since: covering.from, until: covering.to, override };
  }
  const shift = shiftAt(rotation, atMs);
  let since = shift.since.getTime();
  let until = shift.until.getTime();
  for (const { from, to } of rotation.overrides) {
    if (to.getTime() <= atMs) since = Math.max(since, to.getTime());
    if (from.getTime() > atMs) until = Math.min(until, from.getTime());
  }
  return { userId: shift.userId, since: new Date(since), until: new Date(until) };
}
