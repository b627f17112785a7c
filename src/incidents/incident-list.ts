import { type Accounts, describeAccount } from '../accounts/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, slackDate, slackTime, truncate } from '../slack/mrkdwn.ts';
import { fitLines, linesToSections } from '../slack/section-lines.ts';
import { type Incident, incidentId } from './incident.ts';
import { impactLabel, statusLabel } from './incident-labels.ts';
import { orderForList, stormMembersText } from './list-order.ts';

export interface IncidentListMessage {
  text: string;
  blocks: KnownBlock[];
}

function incidentLine(incident: Incident, accounts?: Accounts): string {
  const resource = incident.resource ? ` · \`${escapeMrkdwn(truncate(incident.resource.id, 100))}\`` : '';
  const where = describeAccount(incident, accounts);
  const members = stormMembersText(incident);
  // Short, as a list line must be: who snoozed it is on the card and in `/incident show`.
  const snoozed = incident.snooze ? ` · 💤 until ${slackTime(incident.snooze.until)}` : '';
  return (
    `• *${incidentId(incident.seq)}* · ${impactLabel(incident.impact)} · ${statusLabel(incident)}${snoozed} · ` +
    `${escapeMrkdwn(truncate(incident.title, 200))}${resource}${where ? ` · ${escapeMrkdwn(where)}` : ''}${members ? ` · ${members}` : ''} · opened ${slackDate(incident.openedAt)}`
  );
}

/**
 * The open incidents, worst impact first then newest, a storm as one line, a snoozed one marked 💤
 * with its end; the rest are counted.
 */
export function buildIncidentList(open: readonly Incident[], accounts?: Accounts): IncidentListMessage {
  const incidents = orderForList(open);
  if (incidents.length === 0) {
    const text = 'There is no open incident.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const { kept, dropped } = fitLines(
    incidents.map((incident) => incidentLine(incident, accounts)),
    'first',
  );
  const lines = dropped > 0 ? [...kept, `… and ${dropped} more`] : kept;
  const heading = `*${incidents.length} open incident${incidents.length === 1 ? '' : 's'}*, worst impact first, then newest`;
  return {
    text: `${incidents.length} open incident${incidents.length === 1 ? '' : 's'}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: heading } }, ...linesToSections(lines)],
  };
}
