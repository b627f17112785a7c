import { formatDuration } from './duration-text.ts';
import type { Incident } from './incident.ts';

/**
 * An incident's lifecycle durations in ms, each only once both its ends exist. Acknowledge, mitigate
 * and resolve are timed from detection (when warroom opened it: the first signal received, or the
 * declaration); the impact from when it started until it was mitigated, else resolved. After a
 * reopen the resolve time counts from detection to the latest resolve, reopened time included.
 */
export interface LifecycleDurations {
  toAcknowledge?: number;
  toMitigate?: number;
  toResolve?: number;
  impact?: number;
}

/** When impact started: as a person set it, else the first signal's own time, else the opening. */
export function impactStartOf(incident: Incident): Date {
  return incident.impactStartedAt ?? incident.openedAt;
}

function span(from: Date, to: Date | undefined): number | undefined {
  if (!to) return undefined;
  const ms = to.getTime() - from.getTime();
  // Order is validated on every edit; an older record out of order shows nothing rather than a lie.
  return ms >= 0 ? ms : undefined;
}

export function lifecycleDurations(incident: Incident): LifecycleDurations {
  const detected = incident.openedAt;
  const resolved = incident.status === 'resolved' ? incident.resolvedAt : undefined;
  return {
    toAcknowledge: span(detected, incident.acknowledgedAt),
    toMitigate: span(detected, incident.mitigatedAt),
    toResolve: span(detected, resolved),
    impact: span(impactStartOf(incident), incident.mitigatedAt ?? resolved),
  };
}

const LABELS: Array<[keyof LifecycleDurations, string]> = [
  ['toAcknowledge', 'acknowledged in'],
  ['toMitigate', 'mitigated in'],
  ['toResolve', 'resolved in'],
  ['impact', 'impact lasted'],
];

/** `acknowledged in 12 min · resolved in 1 d 2 h · impact lasted 1 d 3 h`, or undefined while none exist. */
export function durationsLine(incident: Incident): string | undefined {
  const durations = lifecycleDurations(incident);
  const parts = LABELS.flatMap(([key, label]) => {
    const ms = durations[key];
    return ms === undefined ? [] : [`${label} ${formatDuration(ms)}`];
  });
  if (parts.length === 0) return undefined;
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
