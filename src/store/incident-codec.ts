import type { Incident, LatestSignal, PastResolution } from '../incidents/index.ts';

function decodeSignal(signal: LatestSignal): LatestSignal {
  return { ...signal, at: new Date(signal.at) };
}

function decodeResolution(past: PastResolution): PastResolution {
  return { ...past, resolvedAt: new Date(past.resolvedAt), reopenedAt: new Date(past.reopenedAt) };
}

/** Incidents are stored as JSON; these are the fields that must come back as Dates. */
export function encodeIncident(incident: Omit<Incident, 'seq'>): string {
  return JSON.stringify(incident);
}

export function decodeIncident(seq: number, data: string): Incident {
  const parsed = JSON.parse(data) as Omit<Incident, 'seq'> & Record<string, unknown>;
  return {
    ...parsed,
    seq,
    openedAt: new Date(parsed.openedAt),
    updatedAt: new Date(parsed.updatedAt),
    recoveredAt: parsed.recoveredAt ? new Date(parsed.recoveredAt) : undefined,
    acknowledgedAt: parsed.acknowledgedAt ? new Date(parsed.acknowledgedAt) : undefined,
    resolvedAt: parsed.resolvedAt ? new Date(parsed.resolvedAt) : undefined,
    reopenedAt: parsed.reopenedAt ? new Date(parsed.reopenedAt) : undefined,
    ...(parsed.impactStartedAt ? { impactStartedAt: new Date(parsed.impactStartedAt) } : {}),
    ...(parsed.mitigatedAt ? { mitigatedAt: new Date(parsed.mitigatedAt) } : {}),
    ...(Array.isArray(parsed.resolutions) ? { resolutions: parsed.resolutions.map(decodeResolution) } : {}),
    ...(parsed.lastUpdate
      ? { lastUpdate: { ...parsed.lastUpdate, at: new Date(parsed.lastUpdate.at) } }
      : {}),
    ...(parsed.splitAt ? { splitAt: new Date(parsed.splitAt) } : {}),
    ...(parsed.review?.completedAt
      ? { review: { ...parsed.review, completedAt: new Date(parsed.review.completedAt) } }
      : {}),
    ...(parsed.snooze
      ? { snooze: { ...parsed.snooze, at: new Date(parsed.snooze.at), until: new Date(parsed.snooze.until) } }
      : {}),
    latestSignal: decodeSignal(parsed.latestSignal),
    // Incidents stored before open signals were kept have none: the card then shows the latest only.
    ...(Array.isArray(parsed.openSignals) ? { openSignals: parsed.openSignals.map(decodeSignal) } : {}),
  };
}
