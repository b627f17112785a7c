import type { Alert, SignalEffect } from '../signals/index.ts';
import { type Impact, worseImpact } from './impact.ts';
import type { Incident, IncidentRoute, NewIncident, TimelineEntry } from './incident.ts';
import { signalOf, trackOpenSignals } from './open-signals.ts';

export interface SignalDecision {
  effect: SignalEffect;
  impact: Impact;
}

/** What one signal does to the incident store; computed purely, applied atomically by the store. */
export type SignalChange =
  | { kind: 'opened'; incident: NewIncident; entry: TimelineEntry }
  | { kind: 'updated'; incident: Incident; entry: TimelineEntry }
  | { kind: 'unmatched'; reason: string };

export interface ApplyAlertInput {
  open: Incident | undefined;
  alert: Alert;
  decision: SignalDecision;
  groupKey: string;
  messageId: string;
  now: Date;
  /** What would make the incident part of a storm (src/storms/), kept on the incident it opens. */
  stormKey?: string;
  /** Where `routes:` sends it (channel, policy, team), kept on the incident it opens. */
  route?: IncidentRoute;
}

function entryFor(input: ApplyAlertInput, kind: TimelineEntry['kind']): TimelineEntry {
  const { alert } = input;
  return {
    at: alert.occurredAt,
    kind,
    actor: `aws:${alert.source}`,
    text: alert.title,
    signalType: alert.signalType,
    dedupeKey: `sns:${input.messageId}`,
  };
}

function openIncident(input: ApplyAlertInput): SignalChange {
  const { alert, now } = input;
  const incident: NewIncident = {
    groupKey: input.groupKey,
    title: alert.title,
    impact: input.decision.impact,
    impactSetBy: 'signal',
    status: 'open',
    source: alert.source,
    resource: alert.resource,
    correlation: alert.correlation,
    incidentManagerArn: alert.incidentManagerArn,
    accountId: alert.resource?.accountId,
    region: alert.resource?.region,
    openedAt: now,
    // Impact began when AWS saw it (an alarm's state change), often before warroom received it.
    ...(alert.occurredAt.getTime() < now.getTime() ? { impactStartedAt: alert.occurredAt } : {}),
    updatedAt: now,
    latestSignal: signalOf(alert, input.decision.impact),
    openSignals: [signalOf(alert, input.decision.impact)],
    signalCount: 1,
    raw: alert.raw,
    ...(alert.metric ? { metric: alert.metric } : {}),
    ...(input.stormKey ? { stormKey: input.stormKey } : {}),
    ...(input.route ? { route: input.route } : {}),
    version: 1,
  };
  return { kind: 'opened', incident, entry: entryFor(input, 'opened') };
}

/**
 * Decides what a signal does: open a new incident, update the open one for its key, or nothing
 * (an annotation or recovery with no open incident is kept in the inbox, not dropped). An
 * `annotate-or-open` signal annotates the open incident, else opens one.
 */
export function applyAlert(input: ApplyAlertInput): SignalChange {
  const { open, alert, decision, now } = input;
  if (!open) {
    if (decision.effect === 'open' || decision.effect === 'annotate-or-open') return openIncident(input);
    return { kind: 'unmatched', reason: `no open incident for ${input.groupKey} to ${decision.effect}` };
  }
  const raisesImpact = decision.effect === 'open' && open.impactSetBy === 'signal';
  // Only signals that open incidents have a severity; annotations and recoveries have none.
  const signal = signalOf(alert, decision.effect === 'open' ? decision.impact : undefined);
  const updated: Incident = {
    ...open,
    impact: raisesImpact ? worseImpact(open.impact, decision.impact) : open.impact,
    incidentManagerArn: open.incidentManagerArn ?? alert.incidentManagerArn,
    latestSignal: signal,
    openSignals: trackOpenSignals(open.openSignals, signal, decision.effect),
    signalCount: open.signalCount + 1,
    recoveredAt:
      decision.effect === 'recover'
        ? alert.occurredAt
        : decision.effect === 'open'
          ? undefined
          : open.recoveredAt,
    updatedAt: now,
    version: open.version + 1,
  };
  const kind =
    decision.effect === 'recover' ? 'recovery' : decision.effect === 'open' ? 'signal' : 'annotation';
  return { kind: 'updated', incident: updated, entry: entryFor(input, kind) };
}
