import type { KnownBlock } from '../slack/block-kit.ts';
import { BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import type { Incident, LatestSignal } from './incident.ts';
import { impactLabel } from './incident-labels.ts';
import { severestOpenSignal } from './open-signals.ts';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const unescapeMrkdwn = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A signal's headline and detail, each said once. The headline is left out when the card's header
 * already says it; AWS often repeats one in the other (an RDS event's title is `<db>: <message>`
 * cut to 150 characters, its detail the whole message), and then the detail is kept whole.
 */
export function signalText(signal: Pick<LatestSignal, 'title' | 'detail'>, incidentTitle: string): string {
  const detail = signal.detail.trim();
  const headline = collapse(signal.title) === collapse(incidentTitle) ? '' : collapse(signal.title);
  if (!headline) return detail;
  if (!detail) return `*${escapeMrkdwn(headline)}*`;
  const plainDetail = collapse(unescapeMrkdwn(detail));
  const stem = headline.replace(/…$/, '').trimEnd();
  if (plainDetail.startsWith(stem)) return detail;
  if (stem.startsWith(plainDetail)) return `*${escapeMrkdwn(headline)}*`;
  // `payments-aurora: Your Aurora cluster's storage…` over the message itself: the subject, then the message.
  const colon = stem.indexOf(': ');
  const rest = colon > 0 ? stem.slice(colon + 2) : '';
  if (rest && plainDetail.startsWith(rest)) return `*${escapeMrkdwn(stem.slice(0, colon + 1))}* ${detail}`;
  return `*${escapeMrkdwn(headline)}*\n${detail}`;
}

function sameSignal(a: LatestSignal, b: LatestSignal): boolean {
  return a.key === b.key && a.at.getTime() === b.at.getTime() && a.title === b.title;
}

function section(blockId: string, heading: string, body: string): KnownBlock {
  return {
    type: 'section',
    block_id: blockId,
    text: { type: 'mrkdwn', text: truncate(body ? `${heading}\n${body}` : heading, 3000) },
  };
}

/**
 * The card's signal sections: the most severe signal still open when it is not the latest (an
 * earlier forecast outranks a later notice), then the latest. A declared incident with no AWS
 * signal has none: its Opened field says who declared it.
 */
export function buildSignalSections(incident: Incident): KnownBlock[] {
  const latest = incident.latestSignal;
  if (latest.signalType === 'declared') return [];
  const blocks: KnownBlock[] = [];
  const severest = severestOpenSignal(incident);
  if (severest && !sameSignal(severest, latest)) {
    const impact = severest.impact === undefined ? '' : ` (impact ${impactLabel(severest.impact)})`;
    blocks.push(
      section(
        BLOCK_IDS.cardSevereSignal,
        `*Most severe open signal*${impact} · ${slackDate(severest.at)}`,
        signalText(severest, incident.title),
      ),
    );
  }
  // When a later signal outranks the one the incident is named after, the card says why it shows it.
  const alsoSevere =
    severest && sameSignal(severest, latest) && incident.signalCount > 1 ? ' (the most severe open)' : '';
  blocks.push(
    section(
      BLOCK_IDS.cardLatestSignal,
      `*Latest signal*${alsoSevere} · ${slackDate(latest.at)}`,
      signalText(latest, incident.title),
    ),
  );
  return blocks;
}
