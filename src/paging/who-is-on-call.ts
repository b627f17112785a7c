import type { RotationConfig } from './rotation.ts';
import { type Segment, segmentAt } from './rotation-shifts.ts';

export type { RotationConfig } from './rotation.ts';

export interface OnCall {
  current: { userId: string; since: Date; until: Date; override?: { reason?: string } };
  next: { userId: string; from: Date };
}

/** Back-to-back stretches of one person count as one turn; an override is always its own turn. */
function sameTurn(a: Segment, b: Segment): boolean {
  return a.userId === b.userId && !a.override && !b.override;
}

/**
 * Who is on call at `at`, since when and until when, and who takes over next. Hand-offs happen at
 * the hand-off time on the rotation's wall clock (Monday 09:00 Europe/Berlin is 08:00 UTC in
 * winter and 07:00 UTC in summer); an instant exactly at a hand-off belongs to the incoming person.
 * An override covering `at` wins. When the same person holds consecutive shifts (a rotation of one),
 * they are merged into one turn, up to a bound; past it `next` may name the same person.
 * Pure: the caller passes the time (deps.clock.now()).
 */
export function whoIsOnCall(rotation: RotationConfig, at: Date): OnCall {
  const bound = 2 * (rotation.members.length + rotation.overrides.length) + 2;
  const first = segmentAt(rotation, at.getTime());

  let since = first.since;
  let before = segmentAt(rotation, since.getTime() - 1);
  for (let i = 0; i < bound && sameTurn(before, first); i += 1) {
    since = before.since;
    before = segmentAt(rotation, since.getTime() - 1);
  }
  // Nobody else within the bound: a rotation of one, whose turn is then this shift.
  if (sameTurn(before, first)) since = first.since;

  let after = segmentAt(rotation, first.until.getTime());
  let until = first.until;
  for (let i = 0; i < bound && sameTurn(after, first); i += 1) {
    until = after.until;
    after = segmentAt(rotation, until.getTime());
  }
  if (sameTurn(after, first)) {
    // Nobody else within the bound: the next shift is theirs again.
    until = first.until;
    after = segmentAt(rotation, until.getTime());
  }

  const current = {
    userId: first.userId,
    since,
    until,
    ...(first.override ? { override: first.override } : {}),
  };
  return { current, next: { userId: after.userId, from: until } };
}
