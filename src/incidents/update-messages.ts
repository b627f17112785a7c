import { escapeExceptMentions } from '../slack/mentions.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import { formatDuration } from './duration-text.ts';
import { IMPACT_NAMES } from './impact.ts';
import { type Incident, incidentId } from './incident.ts';
import { INCIDENT_STATUS_LABELS } from './incident-status-text.ts';
import { impactStartOf } from './lifecycle.ts';
import { splitAtLines } from './note-messages.ts';

/** Who answers for the incident now: its owner, else whoever acknowledged it. */
export function updateOwner(incident: Pick<Incident, 'owner' | 'acknowledgedBy'>): string | undefined {
  return incident.owner ?? incident.acknowledgedBy;
}

/** How long the incident has lasted at `at`: from when impact started until then, or its resolve. */
function durationAt(incident: Incident, at: Date): string {
  const end = incident.status === 'resolved' && incident.resolvedAt ? incident.resolvedAt : at;
  const ms = end.getTime() - impactStartOf(incident).getTime();
  return formatDuration(Math.max(0, ms));
}

/**
 * A status update as stakeholders read it: a headline with the impact, status, duration and owner
 * as they stood when it was posted, then the author's words (mentions kept, other markup escaped).
 * A long update is posted whole, in parts marked (1/3)….
 */
export function buildUpdateMessages(incident: Incident, author: string, text: string, at: Date): string[] {
  const id = incidentId(incident.seq);
  const owner = updateOwner(incident);
  const headline = [
    `📣 *${id} update*: ${escapeMrkdwn(incident.title)}`,
    `Impact ${incident.impact} (${IMPACT_NAMES[incident.impact]})`,
    INCIDENT_STATUS_LABELS[incident.status],
    `for ${durationAt(incident, at)}`,
    owner ? `owner <@${owner}>` : 'no owner yet',
  ].join(' · ');
  const parts = splitAtLines(text);
  return parts.map((part, index) => {
    const body = `<@${author}>: ${escapeExceptMentions(part)}`;
    if (index === 0) return `${headline}\n${body}`;
    return `📣 ${id} update (${index + 1}/${parts.length}) · ${body}`;
  });
}
