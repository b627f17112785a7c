import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { mrkdwnLink } from '../slack/mrkdwn.ts';
import { postOrFind } from '../slack/post-or-find.ts';
import { postThreadReplyOnce } from '../slack/post-thread-reply-once.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { findHomeCard } from './home-channel.ts';
import type { Incident, TimelineEntry } from './incident.ts';
import { buildNoteMessages } from './note-messages.ts';

/** Metadata event type on a note's messages, so one whose post answer was lost is found, not posted twice. */
export const NOTE_EVENT = 'warroom_note';

export interface PostNoteDeps {
  store: Pick<Store, 'getIncident' | 'getCard'>;
  slack: Pick<
    SlackGateway,
    'postMessage' | 'updateMessage' | 'findReplyByMetadata' | 'findMessageByMetadata' | 'permalink'
  >;
  alertChannel: string;
  logger: Logger;
}

/** Where a note was posted (a permalink each), and where it could not be, in words. */
export interface PostedNote {
  thread?: string;
  channel?: { id: string; link?: string };
  problems: string[];
}

function reason(error: unknown): string {
  return isBotError(error) ? error.userMessage : 'Slack did not answer';
}

/**
 * Shows a note where the team works: in the thread of the incident's card in its home channel and
 * in the incident's own channel when it has one, whole (a long note in several marked messages).
 * A message kept from Slack (📌, the shortcut) is shown in the place it was not written: `except`
 * names the channel it is in. Each message is posted once even when Slack's answer is lost. A
 * failure is reported, never swallowed: the note itself is already safe on the timeline.
 */
export async function postNote(
  deps: PostNoteDeps,
  incident: Incident,
  entry: TimelineEntry,
  options: { except?: string } = {},
): Promise<PostedNote> {
  const emoji = entry.kind === 'message' ? '📌' : '📝';
  const messages = buildNoteMessages(incident.seq, entry.actor, entry.text, emoji);
  // The entry's own dedupe key (a command's trigger, a modal's view, a message's ts) names it best.
  const key = (index: number) => `${incident.seq}:${entry.dedupeKey ?? entry.at.getTime()}:${index}`;
  const posted: PostedNote = { problems: [] };
  const { channel, card } = await findHomeCard(deps.store, incident.seq, deps.alertChannel);
  if (card?.ts && options.except !== channel) {
    const threadTs = card.ts;
    try {
      let first: string | undefined;
      for (const [index, text] of messages.entries()) {
        const { ts } = await postThreadReplyOnce(
          deps.slack,
          { channel, threadTs, text },
          { eventType: NOTE_EVENT, id: key(index) },
        );
        first ??= ts;
      }
      posted.thread = first ? await deps.slack.permalink(channel, first).catch(() => undefined) : undefined;
    } catch (error) {
      deps.logger.warn({ err: error, seq: incident.seq }, 'note not posted in the card thread');
      posted.problems.push(`I could not post it in the card's thread (${reason(error)})`);
    }
  }
  if (incident.channelId && incident.channelId !== channel && incident.channelId !== options.except) {
    const id = incident.channelId;
    try {
      let first: string | undefined;
      for (const [index, text] of messages.entries()) {
        const metadata = { event_type: NOTE_EVENT, event_payload: { id: key(index) } };
        const find = () =>
          deps.slack.findMessageByMetadata(
            id,
            entry.at,
            NOTE_EVENT,
            (payload) => payload['id'] === key(index),
          );
        const { ts } = await postOrFind(deps.slack, { channel: id, text, metadata }, find);
        first ??= ts;
      }
      posted.channel = {
        id,
        link: first ? await deps.slack.permalink(id, first).catch(() => undefined) : undefined,
      };
    } catch (error) {
      deps.logger.warn({ err: error, seq: incident.seq }, 'note not posted in the incident channel');
      posted.problems.push(`I could not post it in <#${id}> (${reason(error)})`);
    }
  }
  return posted;
}

/** The person's confirmation: where the note is now, with links, and anything that went wrong. */
export function noteConfirmation(id: string, posted: PostedNote): string {
  const places = ['on the timeline'];
  if (posted.thread) places.push(mrkdwnLink(posted.thread, "in the card's thread"));
  if (posted.channel) {
    const { id: channel, link } = posted.channel;
    // A link's label cannot hold a channel mention, so the channel is named beside it.
    places.push(link ? `${mrkdwnLink(link, 'in the incident channel')} <#${channel}>` : `in <#${channel}>`);
  }
  const where = places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
  const trouble = posted.problems.length > 0 ? ` ${posted.problems.join('; ')}.` : '';
  return `${id}: your note is ${where}.${trouble}`;
}
