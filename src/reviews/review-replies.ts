import { incidentId } from '../incidents/index.ts';
import type { CompleteOutcome, ReviewOutcome } from './review-writer.ts';

const link = (url: string | undefined, label: string) => (url ? `<${url}|${label}>` : label);

/** The answer to whoever asked for the review (`/incident review`, the card's button). */
export function reviewReplyText(seq: number, outcome: ReviewOutcome): string {
  const id = incidentId(seq);
  switch (outcome.kind) {
    case 'created':
      return `📝 Drafted the post-incident review of ${id}: ${link(outcome.place.url, outcome.place.kind === 'canvas' ? 'open the canvas' : 'the Markdown file')}.`;
    case 'regenerated':
      return `📝 Regenerated the review of ${id} from the incident's record: ${link(outcome.place.url, 'open it')}.`;
    case 'complete':
      return `The review of ${id} was marked complete by <@${outcome.record.completedBy}>: it is no longer regenerated. ${link(outcome.record.place?.url, 'Open it')}.`;
    case 'busy':
      return `The review of ${id} is being drafted right now; it appears in the card's thread in a moment.`;
    case 'not-resolved':
      return `${id} is not resolved: its review is drafted when it is resolved.`;
    case 'not-found':
      return `${id} does not exist.`;
  }
}

/** The answer to whoever marked the review complete. */
export function completeReplyText(seq: number, outcome: CompleteOutcome): string {
  const id = incidentId(seq);
  if (outcome.kind === 'no-review') return `${id} has no review yet: \`/incident review ${id}\` drafts it.`;
  if (outcome.kind === 'already')
    return `The review of ${id} was already marked complete by <@${outcome.record.completedBy}>.`;
  return `✅ Marked the review of ${id} complete: it is frozen, and the card says so.`;
}
