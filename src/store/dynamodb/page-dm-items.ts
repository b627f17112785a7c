import type { PageDmRecord } from '../page-dm-store.ts';
import type { Item } from './dynamo-table.ts';
import { pageDmKey, pageDmsOf } from './keys.ts';

/** A page DM's item, listed under the incident it now shows (gsi2); a moved one keeps its member. */
export function pageDmItem(dm: PageDmRecord): Item {
  return {
    ...pageDmKey(dm.channel, dm.ts),
    channel: dm.channel,
    ts: dm.ts,
    seq: dm.seq,
    reason: JSON.stringify(dm.reason),
    renderedVersion: dm.renderedVersion,
    ...(dm.memberSeq !== undefined ? { memberSeq: dm.memberSeq } : {}),
    gsi2pk: pageDmsOf(dm.seq),
    gsi2sk: dm.ts,
  };
}
