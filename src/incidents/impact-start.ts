import { formatDuration } from './duration-text.ts';
import { type Incident, incidentId, type SlackActor } from './incident.ts';
import { impactStartOf } from './lifecycle.ts';
import type { Transition } from './transitions.ts';
import { utcDateTime } from './typed-time.ts';

/**
 * Sets when impact started. Refused, with the reason, when it is in the future or after detection
 * (every later time is after detection, so no duration can turn negative). Allowed on a resolved
 * incident: that is when people piece the real start together.
 */
export function setImpactStart(incident: Incident, at: Date, actor: SlackActor, now: Date): Transition {
  const id = incidentId(incident.seq);
  if (at.getTime() > now.getTime()) {
    return {
      kind: 'unchanged',
      code: 'TIME_IN_FUTURE',
      message: `${utcDateTime(at)} is in the future (it is ${utcDateTime(now)}); impact on ${id} cannot start then.`,
    };
  }
  if (at.getTime() > incident.openedAt.getTime()) {
    const late = formatDuration(at.getTime() - incident.openedAt.getTime());
    return {
      kind: 'unchanged',
      code: 'TIME_OUT_OF_ORDER',
      message: `${id} was detected at ${utcDateTime(incident.openedAt)}, ${late} before ${utcDateTime(at)}: impact cannot start after it was detected, or its durations would be negative. Nothing changed.`,
    };
  }
  const before = impactStartOf(incident);
  if (before.getTime() === at.getTime()) {
    return {
      kind: 'unchanged',
      code: 'SAME_TIME',
      message: `Impact on ${id} already started at ${utcDateTime(at)}.`,
    };
  }
  return {
    kind: 'changed',
    incident: {
      ...incident,
      impactStartedAt: at,
      impactStartSetBy: actor.userId,
      updatedAt: now,
      version: incident.version + 1,
    },
    entry: {
      at: now,
      kind: 'annotation',
      actor: actor.userId,
      text: 'set when impact started',
      from: utcDateTime(before),
      to: utcDateTime(at),
    },
  };
}
