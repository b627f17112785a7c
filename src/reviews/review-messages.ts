import { incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS, BLOCK_IDS } from '../slack/ids.ts';
import type { ReviewPlace } from '../store/review-store.ts';

function where(place: Pick<ReviewPlace, 'kind' | 'url'>, seq: number): string {
  const label =
    place.kind === 'canvas'
      ? `review of ${incidentId(seq)} (canvas)`
      : `review of ${incidentId(seq)} (Markdown file above)`;
  return place.url ? `<${place.url}|${label}>` : label;
}

/** The review's thread message: where it is, and the button that freezes it. */
export function buildReviewThreadMessage(
  seq: number,
  place: Pick<ReviewPlace, 'kind' | 'url'>,
): { text: string; blocks: KnownBlock[] } {
  const text = `📝 Post-incident review drafted: ${where(place, seq)}. Fill in the analysis; \`/incident review ${incidentId(seq)}\` regenerates it from the record until someone marks it complete.`;
  return {
    text,
    blocks: [
      { type: 'section', block_id: BLOCK_IDS.reviewThread, text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        block_id: BLOCK_IDS.reviewActions,
        elements: [
          {
            type: 'button',
            action_id: ACTION_IDS.completeReview,
            style: 'primary',
            text: { type: 'plain_text', text: 'Mark review complete' },
            value: JSON.stringify({ seq, v: 0 }),
          },
        ],
      } as KnownBlock,
    ],
  };
}

/** The same message once complete: no button, who completed it. */
export function buildCompletedReviewMessage(
  seq: number,
  place: Pick<ReviewPlace, 'kind' | 'url'>,
  by: string,
): { text: string; blocks: KnownBlock[] } {
  const text = `✅ Post-incident review complete by <@${by}>: ${where(place, seq)}. It is no longer regenerated.`;
  return {
    text,
    blocks: [{ type: 'section', block_id: BLOCK_IDS.reviewThread, text: { type: 'mrkdwn', text } }],
  };
}
