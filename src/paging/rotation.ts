/** A shift length: whole local days (`7d`) or wall-clock hours (`12h`). */
export interface ShiftLength {
  amount: number;
  unit: 'd' | 'h';
}

/** When shifts change hands, on the rotation's wall clock. weekday: 0 = Sunday … 6 = Saturday. */
export interface HandoffTime {
  weekday?: number;
  hour: number;
  minute: number;
}

/** Someone covering the rotation from `from` (inclusive) to `to` (exclusive). */
export interface RotationOverride {
  user: string;
  from: Date;
  to: Date;
  reason?: string;
}

/**
 * One `oncall.rotations.<name>` entry, validated by src/config/oncall-schema.ts. The first shift
 * (members[0]) begins at the first hand-off on or after `start` (a local date, YYYY-MM-DD), and the
 * members take turns forward and backward from there. Overrides never overlap.
 */
export interface RotationConfig {
  members: readonly string[];
  shift: ShiftLength;
  handoff: HandoffTime;
  /** An IANA time zone, e.g. Europe/Berlin. */
  timezone: string;
  start: string;
  overrides: readonly RotationOverride[];
}

/** `start` when the YAML leaves it out: a Monday, so a weekly Monday rotation begins on it. */
export const DEFAULT_ROTATION_START = '2024-01-01';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** `7d`, `12h`. */
export function describeShift(shift: ShiftLength): string {
  return `${shift.amount}${shift.unit}`;
}

/** `Mon 09:00`, or `09:00` for a hand-off with no weekday. */
export function describeHandoff(handoff: HandoffTime): string {
  const time = `${String(handoff.hour).padStart(2, '0')}:${String(handoff.minute).padStart(2, '0')}`;
  const day = handoff.weekday === undefined ? undefined : WEEKDAYS[handoff.weekday];
  return day ? `${day[0]?.toUpperCase()}${day.slice(1)} ${time}` : time;
}

/**
 * An `oncall.rotations.<name>` entry read from Incident Manager Contacts instead of the YAML:
 * `ssmRotation` (a rotation ARN) or `ssmContact` (an on-call-schedule contact; its first rotation).
 */
export interface SsmRotationRef {
  ssm: { kind: 'rotation'; id: string } | { kind: 'contact'; id: string };
}

/** A rotation as configured: shifts in the YAML, or read from Incident Manager Contacts. */
export type OnCallRotation = RotationConfig | SsmRotationRef;

export function isSsmRotation(rotation: OnCallRotation): rotation is SsmRotationRef {
  return 'ssm' in rotation;
}
