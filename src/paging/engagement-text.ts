import { createHash } from 'node:crypto';
import type { Incident } from '../incidents/index.ts';

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const idOf = (incident: Incident) => `INC-${incident.seq}`;

/**
 * What StartEngagement carries. Subject and Content go to the contact's own channels; the public
 * pair may be shown to anyone with access to the engagement, so it names the incident only.
 */
export function engagementText(incident: Incident) {
  const id = idOf(incident);
  const content = [
    `${id}: ${incident.title}`,
    `Impact ${incident.impact}, ${incident.status}, opened ${incident.openedAt.toISOString()}.`,
    incident.latestSignal.title ? `Latest signal: ${incident.latestSignal.title}` : '',
    'Acknowledge on the incident card in Slack.',
  ].filter(Boolean);
  return {
    subject: cut(`[warroom] ${id} (impact ${incident.impact}): ${incident.title}`, 2048),
    content: cut(content.join('\n'), 8192),
    publicSubject: `[warroom] ${id} (impact ${incident.impact})`,
    publicContent: `warroom incident ${id} needs attention. Details are in Slack.`,
    // IncidentId allows letters, digits and \_@#%*+=:?./!- (an ARN or INC-7 fits).
    incidentId: incident.incidentManagerArn ?? id,
  };
}

/** IdempotencyToken allows only [\\/a-zA-Z0-9_+=-]: a hash of the page request and contact. */
export function engagementToken(dedupeKey: string, contactArn: string): string {
  return createHash('sha256').update(`${dedupeKey}\n${contactArn}`).digest('hex');
}

/** `09:01 UTC` */
export function clockTime(at: Date): string {
  return `${at.toISOString().slice(11, 16)} UTC`;
}
