import { incidentId } from '../incidents/index.ts';
import { pageFailuresText } from './page-failures.ts';
import type { PageOutcome } from './pager.ts';
import { mentionOf } from './policy.ts';

/**
 * The answer to the person who paged, for every outcome of a page: whom it reached, and for each
 * target it did not reach, why and what to do. Nobody is said to be paged whom Slack did not accept.
 */
export function pageReplyText(seq: number, outcome: PageOutcome): string {
  const id = incidentId(seq);
  switch (outcome.kind) {
    case 'paged': {
      const reached =
        outcome.mentioned.length > 0
          ? `${id}: paged ${outcome.mentioned.map(mentionOf).join(', ')} in the card's thread and by DM.`
          : `${id}: nobody was paged.`;
      const failed = outcome.failures.length > 0 ? `\n${pageFailuresText(outcome.failures)}` : '';
      return `${reached}${failed}`;
    }
    case 'resolved':
      return `${id} is resolved, so nobody was paged. If it needs people again, reopen it first (Reopen on the card).`;
    case 'duplicate':
      return `${id}: that page was already sent.`;
    case 'no-card':
      return `${id} has no card in the alert channel yet; try again in a moment.`;
    case 'not-found':
      return 'That incident does not exist.';
  }
}
