import type { Incident, IncidentStatus } from './incident.ts';

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: '✅ Resolved',
};

/** The status and who is behind it, as the card and the page DMs say it. */
export function incidentStatusText(incident: Incident): string {
  if (incident.status === 'resolved' && incident.resolvedBy) {
    return `${INCIDENT_STATUS_LABELS.resolved} by <@${incident.resolvedBy}>`;
  }
  // Whoever took the incident ("Take it") owns it from then on, whoever acknowledged first; the
  // owner is always named, so everyone sees who is driving it.
  const label = INCIDENT_STATUS_LABELS[incident.status];
  if (incident.acknowledgedBy && incident.status !== 'open') {
    if (incident.owner === incident.acknowledgedBy) return `${label} and owned by <@${incident.owner}>`;
    return `${label} by <@${incident.acknowledgedBy}>${ownerSuffix(incident)}`;
  }
  return `${label}${ownerSuffix(incident)}`;
}

/** ` · owner <@U…>` when someone owns the incident, else nothing. */
export function ownerSuffix(incident: Pick<Incident, 'owner'>): string {
  return incident.owner ? ` · owner <@${incident.owner}>` : '';
}
