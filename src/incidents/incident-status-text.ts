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
  // Whoever took the incident ("Take it") owns it from then on, whoever acknowledged first.
  const owner =
    incident.owner && incident.owner !== incident.acknowledgedBy ? ` · owner <@${incident.owner}>` : '';
  if (incident.acknowledgedBy && incident.status !== 'open') {
    return `${INCIDENT_STATUS_LABELS[incident.status]} by <@${incident.acknowledgedBy}>${owner}`;
  }
  return `${INCIDENT_STATUS_LABELS[incident.status]}${owner}`;
}
