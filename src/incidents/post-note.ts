import { mrkdwnLink } from '../slack/mrkdwn.ts';
import type { Incident, TimelineEntry } from './incident.ts';
import { buildNoteMessages } from './note-messages.ts';
import { type PostedPlaces, type PostPlacesDeps, postToIncidentPlaces } from './post-to-incident-places.ts';

/** Metadata event type on a note's messages, so one whose post answer was lost is found, not posted twice. */
export const NOTE_EVENT = 'warroom_note';

export type PostNoteDeps = PostPlacesDeps;

/** Where a note was posted (a permalink each), and where it could not be, in words. */
export type PostedNote = PostedPlaces;

/**
 * Shows a note where the team works: in the thread of the incident's card in its home channel and
 * in the incident's own channel when it has one, whole (a long note in several marked messages).
 * A message kept from Slack (📌, the shortcut) is shown in the place it was not written: `except`
 * names the channel it is in.
 */
export async function postNote(
  deps: PostNoteDeps,
  incident: Incident,
  entry: TimelineEntry,
  options: { except?: string } = {},
): Promise<PostedNote> {
  const emoji = entry.kind === 'message' ? '📌' : '📝';
  return postToIncidentPlaces(deps, incident, {
    messages: buildNoteMessages(incident.seq, entry.actor, entry.text, emoji),
    eventType: NOTE_EVENT,
    // The entry's own dedupe key (a command's trigger, a modal's view, a message's ts) names it best.
    key: `${entry.dedupeKey ?? entry.at.getTime()}`,
    at: entry.at,
    except: options.except,
  });
}

/** The person's confirmation: where the note is now, with links, and anything that went wrong. */
export function noteConfirmation(id: string, posted: PostedNote, what = 'note'): string {
  const places = ['on the timeline'];
  if (posted.thread) places.push(mrkdwnLink(posted.thread, "in the card's thread"));
  if (posted.channel) {
    const { id: channel, link } = posted.channel;
    // A link's label cannot hold a channel mention, so the channel is named beside it.
    places.push(link ? `${mrkdwnLink(link, 'in the incident channel')} <#${channel}>` : `in <#${channel}>`);
  }
  if (posted.updates) {
    const { id: channel, link } = posted.updates;
    places.push(link ? `${mrkdwnLink(link, 'for stakeholders')} <#${channel}>` : `in <#${channel}>`);
  }
  const where = places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
  const trouble = posted.problems.length > 0 ? ` ${posted.problems.join('; ')}.` : '';
  return `${id}: your ${what} is ${where}.${trouble}`;
}
