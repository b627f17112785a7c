import type { StoredMessage } from '../sandbox/slack/types.ts';
import type { StoredIncident } from './read-incidents.ts';
import { isCardPost, isPageDm, isThreadPage, namesIncident, type ShownMessage } from './shown-messages.ts';

export interface StormFiguresInput {
  incidents: readonly StoredIncident[];
  /** What warroom posted and updated, from the local Slack API's call log. */
  shown: readonly ShownMessage[];
  /** The alert channel as it is now (edits applied, thread replies included). */
  channelNow: readonly StoredMessage[];
  alertChannel: string;
  /** When the first notification was sent, in ms since the epoch. */
  start: number;
}

export interface StormFigures {
  incidents: number;
  /** Storm incidents (each with one card for many resources). */
  storms: number;
  /** Incidents folded into a storm: shown on its card and in its thread, not (usually) on a card of their own. */
  members: number;
  /** Top-level cards posted in the alert channel for a storm incident. */
  stormCards: number;
  /** Top-level cards posted for any other incident (lone ones, and members carded before their storm formed). */
  singleCards: number;
  /** Pages' mentions in a card's thread, and how many of them were on a storm's card. */
  threadPages: number;
  threadPagesOnStormCards: number;
  /** Pages' DMs, one per person paged. */
  pageDms: number;
  /** Incidents not on screen now (see `visibleAt`), by id. */
  invisible: string[];
  /** From the first notification until the last incident became visible, in ms; null if one never did. */
  timeToAllVisibleMs: number | null;
}

/**
 * Where an incident can be seen: its own card; and for a storm member also its storm's card and
 * the member list in that card's thread, once either names it. Answers the ts of those messages.
 */
function placesShowing(stored: StoredIncident, bySeq: Map<number, StoredIncident>): Set<string> {
  const places = new Set<string>();
  if (stored.cardTs) places.add(stored.cardTs);
  const stormSeq = stored.incident.stormSeq;
  const storm = stormSeq === undefined ? undefined : bySeq.get(stormSeq);
  if (storm?.cardTs) places.add(storm.cardTs);
  if (storm?.incident.storm?.listTs) places.add(storm.incident.storm.listTs);
  return places;
}

/** Whether a message at one of `places` shows `seq`: its own card always does, a storm's only by naming it. */
function shows(message: { ts: string; content: string }, stored: StoredIncident): boolean {
  return message.ts === stored.cardTs || namesIncident(message.content, stored.incident.seq);
}

/** When each incident first became visible in the alert channel, and whether it still is. */
function visibility(input: StormFiguresInput): { invisible: string[]; lastVisibleAt: number | null } {
  const bySeq = new Map(input.incidents.map((stored) => [stored.incident.seq, stored]));
  const inChannel = input.shown.filter((message) => message.channel === input.alertChannel);
  const invisible: string[] = [];
  let lastVisibleAt: number | null = null;
  for (const stored of input.incidents) {
    const places = placesShowing(stored, bySeq);
    const showsIt = (message: { ts: string; content: string }) =>
      places.has(message.ts) && shows(message, stored);
    const now = input.channelNow.some((message) =>
      showsIt({ ts: message.ts, content: JSON.stringify([message.text, message.blocks]) }),
    );
    const first = inChannel.find(showsIt);
    if (!now || !first) {
      invisible.push(`INC-${stored.incident.seq}`);
      continue;
    }
    lastVisibleAt = Math.max(lastVisibleAt ?? 0, first.at);
  }
  return { invisible, lastVisibleAt };
}

/**
 * The storm's figures from the store and the call log: what was carded, who was paged, and how
 * long until every incident could be seen by a person in the alert channel.
 */
export function measureStormFigures(input: StormFiguresInput): StormFigures {
  const { incidents, shown, alertChannel } = input;
  const stormSeqs = new Set(incidents.filter((s) => s.incident.storm).map((s) => s.incident.seq));
  const stormCardTs = new Set(
    incidents.filter((s) => s.incident.storm && s.cardTs).map((s) => s.cardTs as string),
  );
  const cards = shown.filter((message) => isCardPost(message, alertChannel));
  const stormCards = cards.filter((card) => stormSeqs.has(Number(card.payload['incident_seq']))).length;
  const threadPages = shown.filter((message) => isThreadPage(message, alertChannel));
  const { invisible, lastVisibleAt } = visibility(input);
  return {
    incidents: incidents.length,
    storms: stormSeqs.size,
    members: incidents.filter((s) => s.incident.stormSeq !== undefined).length,
    stormCards,
    singleCards: cards.length - stormCards,
    threadPages: threadPages.length,
    threadPagesOnStormCards: threadPages.filter((page) => stormCardTs.has(page.threadTs as string)).length,
    pageDms: shown.filter(isPageDm).length,
    invisible,
    timeToAllVisibleMs:
      invisible.length === 0 && lastVisibleAt !== null ? Math.max(0, lastVisibleAt - input.start) : null,
  };
}
