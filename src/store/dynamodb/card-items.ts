import type { CardRecord } from '../store.ts';
import type { Item } from './dynamo-table.ts';
import { cardKey, cardsIn, iso, pad } from './keys.ts';

/** A card's item, listed in its channel's gsi2 list (`listOpenIncidentsCardedIn`). */
export function cardItem(card: CardRecord): Item {
  return {
    ...cardKey(card.incidentSeq, card.channel),
    seq: card.incidentSeq,
    channel: card.channel,
    ...(card.ts !== undefined ? { ts: card.ts } : {}),
    postStartedAt: iso(card.postStartedAt),
    renderedVersion: card.renderedVersion,
    gsi2pk: cardsIn(card.channel),
    gsi2sk: pad(card.incidentSeq),
  };
}
