import { type Incident, incidentId } from '../incident/incident.ts';
import type { KnownBlock } from './block-kit.ts';
import { impactLabel, statusLabel } from './incident-labels.ts';
import { escapeMrkdwn, slackDate, truncate } from './mrkdwn.ts';
import { fitLines, linesToSections } from './section-lines.ts';

export interface IncidentListMessage {
  text: string;
  blocks: KnownBlock[];
}

function incidentLine(incident: Incident): string {
  const resource = incident.resource ? ` · \`${escapeMrkdwn(truncate(incident.resource.id, 100))}\`` : '';
  return (
    `• *${incidentId(incident.seq)}* · ${impactLabel(incident.impact)} · ${statusLabel(incident)} · ` +
    `${escapeMrkdwn(truncate(incident.title, 200))}${resource} · opened ${slackDate(incident.openedAt)}`
  );
}

/** The open incidents in the order given (the store lists newest first); the rest are counted. */
export function buildIncidentList(incidents: readonly Incident[]): IncidentListMessage {
  if (incidents.length === 0) {
    const text = 'There is no open incident.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const { kept, dropped } = fitLines(incidents.map(incidentLine), 'first');
  const lines = dropped > 0 ? [...kept, `… and ${dropped} more`] : kept;
  const heading = `*${incidents.length} open incident${incidents.length === 1 ? '' : 's'}*, newest first`;
  return {
    text: `${incidents.length} open incident${incidents.length === 1 ? '' : 's'}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: heading } }, ...linesToSections(lines)],
  };
}
