import { IMPACT_NAMES, type Impact } from './impact.ts';
import type { Incident, PastResolution, SlackActor, TimelineEntry } from './incident.ts';

/** A person's change to an incident: either it changes something, or it says why not. */
export type Transition =
  | { kind: 'changed'; incident: Incident; entry: TimelineEntry }
  | { kind: 'unchanged'; code: UnchangedCode; message: string };

export type UnchangedCode =
  | 'ALREADY_ACKNOWLEDGED'
  | 'ALREADY_RESOLVED'
  | 'NOT_RESOLVED'
  | 'SAME_IMPACT'
  | 'RESOLVED'
  | 'NOT_IN_STORM'
  | 'STORM_CURRENT'
  | 'ALREADY_SNOOZED'
  | 'NOT_SNOOZED'
  | 'SAME_TIME'
  | 'TIME_IN_FUTURE'
  | 'TIME_OUT_OF_ORDER';

function when(date: Date | undefined): string {
  return date ? date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'an unknown time';
}

function changed(
  incident: Incident,
  now: Date,
  next: Partial<Incident>,
  entry: Omit<TimelineEntry, 'at'>,
): Transition {
  return {
    kind: 'changed',
    incident: { ...incident, ...next, updatedAt: now, version: incident.version + 1 },
    entry: { ...entry, at: now },
  };
}

/** Nothing but Reopen changes a resolved incident. */
function refuseIfResolved(incident: Incident): Transition | undefined {
  if (incident.status !== 'resolved') return undefined;
  return {
    kind: 'unchanged',
    code: 'RESOLVED',
    message: `INC-${incident.seq} was resolved by <@${incident.resolvedBy}> at ${when(incident.resolvedAt)}; reopen it first.`,
  };
}

/** With `how`, the acknowledgement came from another action (the timeline says which). */
export function acknowledge(incident: Incident, actor: SlackActor, now: Date, how?: string): Transition {
  const resolved = refuseIfResolved(incident);
  if (resolved) return resolved;
  if (incident.status !== 'open') {
    return {
      kind: 'unchanged',
      code: 'ALREADY_ACKNOWLEDGED',
      message: `INC-${incident.seq} was already acknowledged by <@${incident.acknowledgedBy}> at ${when(incident.acknowledgedAt)}.`,
    };
  }
  return changed(
    incident,
    now,
    { status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now },
    {
      kind: 'status',
      actor: actor.userId,
      text: how ? `acknowledged the incident (${how})` : 'acknowledged the incident',
      from: 'open',
      to: 'acknowledged',
    },
  );
}

export function setImpact(incident: Incident, impact: Impact, actor: SlackActor, now: Date): Transition {
  const resolved = refuseIfResolved(incident);
  if (resolved) return resolved;
  if (incident.impact === impact) {
    return {
      kind: 'unchanged',
      code: 'SAME_IMPACT',
      message: `INC-${incident.seq} already has impact ${impact} (${IMPACT_NAMES[impact]}).`,
    };
  }
  return changed(
    incident,
    now,
    { impact, impactSetBy: 'person' },
    {
      kind: 'impact',
      actor: actor.userId,
      text: `set the impact to ${impact} (${IMPACT_NAMES[impact]})`,
      from: String(incident.impact),
      to: String(impact),
    },
  );
}

export function addNote(
  incident: Incident,
  text: string,
  actor: SlackActor,
  now: Date,
  dedupeKey?: string,
): Transition {
  return {
    kind: 'changed',
    incident: { ...incident, updatedAt: now, version: incident.version + 1 },
    entry: { at: now, kind: 'note', actor: actor.userId, text, dedupeKey },
  };
}

/** A status update: on the timeline as one, and the incident remembers it as its latest. */
export function addUpdate(
  incident: Incident,
  text: string,
  actor: SlackActor,
  now: Date,
  dedupeKey?: string,
): Transition {
  return {
    kind: 'changed',
    incident: {
      ...incident,
      lastUpdate: { at: now, by: actor.userId, text },
      updatedAt: now,
      version: incident.version + 1,
    },
    entry: { at: now, kind: 'update', actor: actor.userId, text, dedupeKey },
  };
}

export function resolve(
  incident: Incident,
  summary: string | undefined,
  actor: SlackActor,
  now: Date,
): Transition {
  if (incident.status === 'resolved') {
    return {
      kind: 'unchanged',
      code: 'ALREADY_RESOLVED',
      message: `INC-${incident.seq} was already resolved by <@${incident.resolvedBy}> at ${when(incident.resolvedAt)}.`,
    };
  }
  return changed(
    incident,
    now,
    // A snooze ends with the incident: a reopen starts from a clean slate.
    {
      status: 'resolved',
      resolvedBy: actor.userId,
      resolvedAt: now,
      summary: summary || incident.summary,
      snooze: undefined,
    },
    {
      kind: 'status',
      actor: actor.userId,
      text: summary ? `resolved the incident: ${summary}` : 'resolved the incident',
      from: incident.status,
      to: 'resolved',
    },
  );
}

/**
 * Reopens with the reason: the resolution it undoes is kept in `resolutions` (its timeline entry
 * stays too), the summary leaves the card with it, and the resolve time runs again from detection.
 */
export function reopen(incident: Incident, reason: string, actor: SlackActor, now: Date): Transition {
  if (incident.status !== 'resolved') {
    return { kind: 'unchanged', code: 'NOT_RESOLVED', message: `INC-${incident.seq} is not resolved.` };
  }
  const status = incident.acknowledgedBy ? 'acknowledged' : 'open';
  const undone: PastResolution = {
    resolvedAt: incident.resolvedAt ?? now,
    ...(incident.resolvedBy ? { resolvedBy: incident.resolvedBy } : {}),
    ...(incident.summary ? { summary: incident.summary } : {}),
    reopenedAt: now,
    reopenedBy: actor.userId,
    reason,
  };
  return changed(
    incident,
    now,
    {
      status,
      resolvedBy: undefined,
      resolvedAt: undefined,
      summary: undefined,
      reopenedAt: now,
      resolutions: [...(incident.resolutions ?? []), undone],
    },
    {
      kind: 'status',
      actor: actor.userId,
      text: `reopened the incident: ${reason}`,
      from: 'resolved',
      to: status,
    },
  );
}
