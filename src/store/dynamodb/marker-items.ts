import type { Item } from './dynamo-table.ts';
import {
  cardMessageKey,
  channelMarkerKey,
  counterKey,
  dedupeKey,
  engagementRequestKey,
  executionTokenKey,
  followUpRequestKey,
  impactRoundKey,
  iso,
  openMarkerKey,
} from './keys.ts';

/**
 * The marker items (docs/store.md, Markers): what SQLite's UNIQUE columns and look-ups give. One
 * builder each, used by the store's writes and by `store:copy`.
 */
export const counterItem = (n: number): Item => ({ ...counterKey, n });
export const openMarkerItem = (groupKey: string, seq: number): Item => ({ ...openMarkerKey(groupKey), seq });
export const dedupeMarkerItem = (key: string, seq: number): Item => ({ ...dedupeKey(key), seq });
export const channelMarkerItem = (channelId: string, seq: number): Item => ({
  ...channelMarkerKey(channelId),
  seq,
});
export const cardMessageItem = (channel: string, ts: string, seq: number): Item => ({
  ...cardMessageKey(channel, ts),
  seq,
});
export const executionTokenItem = (clientToken: string, executionId: string): Item => ({
  ...executionTokenKey(clientToken),
  executionId,
});
export const engagementRequestItem = (
  dedupeKey: string,
  contactArn: string,
  engagementArn: string,
): Item => ({
  ...engagementRequestKey(dedupeKey, contactArn),
  engagementArn,
});
export const followUpRequestItem = (dedupeKey: string, followUpId: string): Item => ({
  ...followUpRequestKey(dedupeKey),
  followUpId,
});
export const impactRoundItem = (seq: number, impact: number, startedAt: Date): Item => ({
  ...impactRoundKey(seq, impact),
  seq,
  impact,
  startedAt: iso(startedAt),
});
