import type { Alert, SignalEffect } from '../signals/index.ts';
import type { Impact } from './impact.ts';
import type { Incident, LatestSignal } from './incident.ts';

/** Enough to find the most severe; an alarm storm on one database does not grow the record. */
export const MAX_OPEN_SIGNALS = 10;

/**
 * What ties a signal to its own later recovery: an alarm's OK names the same alarm, an Incident
 * Manager "resolved" the same record. Signals with nothing to correlate by are keyed by their kind
 * and resource, so a second failover of one database replaces the first.
 */
export function signalKey(alert: Alert): string {
  if (alert.correlation) return `${alert.correlation.kind}:${alert.correlation.value}`;
  return `${alert.signalType}@${alert.resource?.id ?? ''}`;
}

/** The card's view of a signal; `impact` only for signals whose policy opens incidents. */
export function signalOf(alert: Alert, impact?: Impact): LatestSignal {
  return {
    signalType: alert.signalType,
    title: alert.title,
    detail: alert.detail,
    at: alert.occurredAt,
    facts: alert.facts,
    ...(impact !== undefined ? { impact } : {}),
    key: signalKey(alert),
  };
}

/**
 * More severe first (impact 1 before 5). The sort is stable and the list is kept in arrival order,
 * so of two equally severe signals the one that arrived first wins: not the one AWS dates first,
 * since sources date differently (an RDS event by its Event Time, Chatbot by publication).
 */
function bySeverity(a: LatestSignal, b: LatestSignal): number {
  return (a.impact ?? 5) - (b.impact ?? 5);
}

/**
 * The open signals after one more, in arrival order: an opening signal is added (replacing an
 * earlier one with the same key), a recovery closes the signals it names, an annotation changes
 * nothing. Past the bound, the least severe signal that came last gives way.
 */
export function trackOpenSignals(
  open: readonly LatestSignal[] | undefined,
  signal: LatestSignal,
  effect: SignalEffect,
): LatestSignal[] {
  const others = (open ?? []).filter((candidate) => candidate.key !== signal.key);
  if (effect === 'recover') return others;
  if (effect === 'annotate') return [...(open ?? [])];
  const next = [...others, signal];
  while (next.length > MAX_OPEN_SIGNALS) {
    const leastSevere = [...next].sort(bySeverity).at(-1);
    next.splice(next.lastIndexOf(leastSevere as LatestSignal), 1);
  }
  return next;
}

/** The most severe signal still open (the first of equals), or undefined when none is known. */
export function severestOpenSignal(incident: Pick<Incident, 'openSignals'>): LatestSignal | undefined {
  return [...(incident.openSignals ?? [])].sort(bySeverity)[0];
}
