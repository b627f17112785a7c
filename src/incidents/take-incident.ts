import type { Incident, SlackActor } from './incident.ts';
import type { Transition } from './transitions.ts';

/**
 * "Take it": the person becomes the incident's owner, and an open incident is acknowledged by them
 * in the same step (so the escalation stops). Taking what one already owns changes nothing.
 */
export function takeIncident(incident: Incident, actor: SlackActor, now: Date): Transition {
  if (incident.status === 'resolved') {
    return {
      kind: 'unchanged',
      code: 'RESOLVED',
      message: `INC-${incident.seq} is resolved; reopen it first.`,
    };
  }
  if (incident.owner === actor.userId) {
    return {
      kind: 'unchanged',
      code: 'ALREADY_ACKNOWLEDGED',
      message: `You already own INC-${incident.seq}.`,
    };
  }
  const opening = incident.status === 'open';
  return {
    kind: 'changed',
    incident: {
      ...incident,
      owner: actor.userId,
      ...(opening ? { status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now } : {}),
      updatedAt: now,
      version: incident.version + 1,
    },
    entry: opening
      ? {
          at: now,
          kind: 'status',
          actor: actor.userId,
          text: 'took the incident',
          from: 'open',
          to: 'acknowledged',
        }
      : { at: now, kind: 'annotation', actor: actor.userId, text: 'took the incident (owner now)' },
  };
}
