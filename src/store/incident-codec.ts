import type { Incident } from '../incident/incident.ts';

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
    latestSignal: { ...parsed.latestSignal, at: new Date(parsed.latestSignal.at) },
  };
}
