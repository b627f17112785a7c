import type { KnownBlock } from '../slack/block-kit.ts';
import { BLOCK_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { formatDuration } from './duration-text.ts';
import type { Incident } from './incident.ts';
import { durationsLine, lifecycleDurations } from './lifecycle.ts';

/** "✅ Resolved <date> by @carol after 1 d 2 h", then the summary. */
function resolvedSection(incident: Incident): KnownBlock | undefined {
  if (incident.status !== 'resolved') return undefined;
  const at = incident.resolvedAt ? ` ${slackDate(incident.resolvedAt)}` : '';
  const who = incident.resolvedBy ? ` by <@${incident.resolvedBy}>` : '';
  const toResolve = lifecycleDurations(incident).toResolve;
  const after = toResolve === undefined ? '' : `, ${formatDuration(toResolve)} after it was opened`;
  const summary = incident.summary ? `\n${escapeMrkdwn(incident.summary)}` : '';
  return {
    type: 'section',
    block_id: BLOCK_IDS.cardSummary,
    text: {
      type: 'mrkdwn',
      text: truncate(`*✅ Resolved*${at}${who}${after}${summary}`, 3000),
    },
  };
}

/** On a reopened card, why, and the resolution it undid (which stays on the timeline too). */
function reopenedContext(incident: Incident): KnownBlock | undefined {
  const last = incident.resolutions?.at(-1);
  if (incident.status === 'resolved' || !last) return undefined;
  const previous = `${last.resolvedBy ? ` by <@${last.resolvedBy}>` : ''}${last.summary ? `: ${escapeMrkdwn(last.summary)}` : ''}`;
  return {
    type: 'context',
    block_id: BLOCK_IDS.cardReopened,
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          `↩️ Reopened ${slackDate(last.reopenedAt)} by <@${last.reopenedBy}>: ${escapeMrkdwn(last.reason)}\nIt had been resolved ${slackDate(last.resolvedAt)}${previous}`,
          3000,
        ),
      },
    ],
  };
}

/** On a resolved card: where the review is, or who marked it complete. */
function reviewContext(incident: Incident): KnownBlock | undefined {
  const { review } = incident;
  if (!review) return undefined;
  const where = `<${review.url}|${review.kind === 'canvas' ? 'canvas' : 'Markdown file'}>`;
  const text = review.completedBy
    ? `✅ Review complete by <@${review.completedBy}>${review.completedAt ? ` ${slackDate(review.completedAt)}` : ''} (${where})`
    : `📝 Review draft: ${where}. Regenerate it until someone marks it complete.`;
  return {
    type: 'context',
    block_id: BLOCK_IDS.cardReview,
    elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }],
  };
}

/**
 * The card's lifecycle: the durations as soon as one exists, the resolution on a resolved card, and
 * on a reopened one why it was reopened. Pure, like the card.
 */
export function buildLifecycleBlocks(incident: Incident): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const resolved = resolvedSection(incident);
  if (resolved) blocks.push(resolved);
  const reopened = reopenedContext(incident);
  if (reopened) blocks.push(reopened);
  const durations = durationsLine(incident);
  if (durations) {
    blocks.push({
      type: 'context',
      block_id: BLOCK_IDS.cardDurations,
      elements: [{ type: 'mrkdwn', text: `⏱️ ${durations}` }],
    });
  }
  const review = reviewContext(incident);
  if (review) blocks.push(review);
  return blocks;
}
