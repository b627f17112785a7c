import { type Incident, incidentId, type SlackActor } from './incident.ts';
import type { Transition } from './transitions.ts';

/**
 * Takes a member out of its storm: from now on it is a normal incident with its own card and
 * escalation (timed from the split). Refused, with why, for an incident in no storm.
 */
export function splitFromStorm(incident: Incident, actor: SlackActor, now: Date): Transition {
  if (incident.stormSeq === undefined) {
    return {
      kind: 'unchanged',
      code: 'NOT_IN_STORM',
      message: `${incidentId(incident.seq)} is not part of a storm; nothing to split.`,
    };
  }
  if (incident.status === 'resolved') {
    return {
      kind: 'unchanged',
      code: 'RESOLVED',
      message: `${incidentId(incident.seq)} is resolved; reopen it first to split it out.`,
    };
  }
  const { stormSeq, ...rest } = incident;
  return {
    kind: 'changed',
    incident: { ...rest, splitAt: now, updatedAt: now, version: incident.version + 1 },
    entry: {
      at: now,
      kind: 'status',
      actor: actor.userId,
      text: `split it out of storm ${incidentId(stormSeq)}`,
    },
  };
}
