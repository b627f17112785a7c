import { escapeMrkdwn, mrkdwnLink, truncate } from '../slack/mrkdwn.ts';
import { type Incident, incidentId } from './incident.ts';
import { impactLabel, statusLabel } from './incident-labels.ts';

/** What the person used that no listener of this warroom knows. */
export type OlderInteraction = 'button' | 'form' | 'shortcut';

/** The incident the interaction pointed at, if the payload named one. */
export type PointedIncident =
  | { kind: 'found'; incident: Incident; cardLink?: string }
  | { kind: 'gone'; seq: number }
  | { kind: 'none' };

const OPENERS: Record<OlderInteraction, string> = {
  button: 'This button is from an older version of warroom, so it did nothing.',
  form: 'This form is from an older version of warroom, so it did nothing.',
  shortcut: 'This shortcut is from an older version of warroom, so it did nothing.',
};

/**
 * The answer to a button, form or shortcut this warroom has no listener for (a card or modal drawn
 * by an older version): says so, then where its incident stands now, so the person can go on.
 */
export function buildOlderWarroomText(what: OlderInteraction, pointed: PointedIncident): string {
  const opener = OPENERS[what];
  if (pointed.kind === 'none') return `${opener} \`/incident list\` shows the open incidents.`;
  if (pointed.kind === 'gone') {
    return `${opener} ${incidentId(pointed.seq)} is not known to this warroom any more; \`/incident list\` shows the open incidents.`;
  }
  const { incident, cardLink } = pointed;
  const card = cardLink ? ` · ${mrkdwnLink(cardLink, 'its card')}` : '';
  return (
    `${opener} Here is the incident now: *${incidentId(incident.seq)}* · ${statusLabel(incident)} · ` +
    `impact ${impactLabel(incident.impact)} · ${escapeMrkdwn(truncate(incident.title, 200))}${card}. ` +
    `Use the buttons on ${cardLink ? 'that card' : 'its card'} or \`/incident\`.`
  );
}
