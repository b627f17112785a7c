import { incidentId } from '../incidents/index.ts';
import { unknownContactsText } from './page-message.ts';
import type { PageOutcome } from './pager.ts';
import { mentionOf } from './policy.ts';

/** The answer to the person who paged, for every outcome of a page. */
export function pageReplyText(seq: number, outcome: PageOutcome): string {
  const id = incidentId(seq);
  switch (outcome.kind) {
    case 'paged': {
      const who = outcome.mentioned.map(mentionOf).join(', ') || 'nobody';
      const nobody = outcome.nobody.length > 0 ? ` Nobody is on call in ${outcome.nobody.join(', ')}.` : '';
      const contacts = unknownContactsText(outcome.unknownContacts).replace('\n', ' ');
      return `${id}: paged ${who} in the card's thread and by DM.${nobody}${contacts}`;
    }
    case 'duplicate':
      return `${id}: that page was already sent.`;
    case 'no-card':
      return `${id} has no card in the alert channel yet; try again in a moment.`;
    case 'not-found':
      return 'That incident does not exist.';
  }
}
