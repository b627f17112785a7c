import { IMPACT_NAMES, type Impact } from './impact.ts';
import { type Incident, incidentId, type SlackActor } from './incident.ts';
import type { Transition } from './transitions.ts';

/** A snooze is for a while, never for good: a day at most. */
export const MAX_SNOOZE_MS = 24 * 60 * 60_000;

/** Why a snooze ended before or at its time, as the timeline says it. */
export type SnoozeEnd =
  | { kind: 'time-up' }
  | { kind: 'raised'; impact: Impact }
  | { kind: 'unsnoozed'; by: string };

/** `14:30 UTC`: the 24-hour time the timeline and Incident Manager show. */
export function utcTime(at: Date): string {
  return `${at.toISOString().slice(11, 16)} UTC`;
}

/** `30 min`, `1 h`, `1 h 30 min`. */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Whether the incident's escalation and reminders are paused at `now`. */
export function isSnoozed(incident: Incident, now: Date): boolean {
  return incident.snooze !== undefined && incident.snooze.until > now;
}

/**
 * Pauses escalation and reminders for `forMs`. One snooze at a time: a second one while it runs is
 * refused (nobody stretches another's snooze unseen); unsnooze first. A resolved incident is refused.
 */
export function snoozeIncident(incident: Incident, forMs: number, actor: SlackActor, now: Date): Transition {
  const id = incidentId(incident.seq);
  if (incident.status === 'resolved')
    return { kind: 'unchanged', code: 'RESOLVED', message: `${id} is resolved; there is nothing to snooze.` };
  if (incident.snooze && isSnoozed(incident, now)) {
    const { by, until } = incident.snooze;
    return {
      kind: 'unchanged',
      code: 'ALREADY_SNOOZED',
      message: `${id} is already snoozed until ${utcTime(until)} by <@${by}>; \`/incident unsnooze ${id}\` ends it.`,
    };
  }
  const until = new Date(now.getTime() + Math.min(forMs, MAX_SNOOZE_MS));
  return {
    kind: 'changed',
    incident: {
      ...incident,
      snooze: { by: actor.userId, at: now, until },
      updatedAt: now,
      version: incident.version + 1,
    },
    entry: {
      at: now,
      kind: 'annotation',
      actor: actor.userId,
      text: `snoozed escalation and reminders until ${utcTime(until)} (${durationText(until.getTime() - now.getTime())})`,
    },
  };
}

function endText(why: SnoozeEnd): string {
  switch (why.kind) {
    case 'time-up':
      return 'snooze ended: time up; escalation and reminders resume';
    case 'raised':
      return `snooze ended: a new signal raised the impact to ${why.impact} · ${IMPACT_NAMES[why.impact]}; escalation resumes at it`;
    case 'unsnoozed':
      return 'ended the snooze (unsnoozed); escalation and reminders resume';
  }
}

/** Ends the snooze, saying why; an incident not snoozed changes nothing. */
export function endSnooze(incident: Incident, why: SnoozeEnd, now: Date): Transition {
  if (!incident.snooze)
    return {
      kind: 'unchanged',
      code: 'NOT_SNOOZED',
      message: `${incidentId(incident.seq)} is not snoozed.`,
    };
  const next = { ...incident, snooze: undefined, updatedAt: now, version: incident.version + 1 };
  const actor = why.kind === 'unsnoozed' ? why.by : 'warroom';
  return {
    kind: 'changed',
    incident: next,
    entry: { at: now, kind: 'annotation', actor, text: endText(why) },
  };
}
