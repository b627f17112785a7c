import type { Incident, SlackActor } from './incident.ts';
import type { Transition } from './transitions.ts';

/**
 * "Take it": the person becomes the incident's owner, and an open incident is acknowledged by them
 * in the same step (so the escalation stops). Taking what one already owns changes nothing. With
 * `to`, the person hands the incident over: `to` owns it from then on.
 */
export function takeIncident(incident: Incident, actor: SlackActor, now: Date, to?: string): Transition {
  const owner = to ?? actor.userId;
  const handover = owner !== actor.userId;
  if (incident.status === 'resolved') {
    return {
      kind: 'unchanged',
      code: 'RESOLVED',
      message: `INC-${incident.seq} is resolved; reopen it first.`,
    };
  }
  if (incident.owner === owner) {
    return {
      kind: 'unchanged',
      code: 'ALREADY_ACKNOWLEDGED',
      message: handover
        ? `<@${owner}> already owns INC-${incident.seq}.`
        : `You already own INC-${incident.seq}.`,
    };
  }
  const opening = incident.status === 'open';
  return {
    kind: 'changed',
    incident: {
      ...incident,
      owner,
      ...(opening ? { status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now } : {}),
      updatedAt: now,
      version: incident.version + 1,
    },
    entry: opening
      ? {
          at: now,
          kind: 'status',
          actor: actor.userId,
          text: handover ? `handed the incident to <@${owner}>` : 'took the incident',
          from: 'open',
          to: 'acknowledged',
        }
      : {
          at: now,
          kind: 'annotation',
          actor: actor.userId,
          text: handover ? `handed the incident to <@${owner}>` : 'took the incident (owner now)',
        },
  };
}
