import { escapeExceptMentions } from '../slack/mentions.ts';
import { incidentId } from './incident.ts';

/**
 * The longest note `/incident note` takes: far beyond the Add note modal (Slack caps its field at
 * 3,000), so a pasted log fits. It is stored whole and posted whole, in as many messages as it takes.
 */
export const MAX_NOTE_TEXT = 20_000;

/**
 * How much of a note one Slack message carries. Slack takes 40,000 characters of message text but
 * advises staying within 4,000 for it to read well; escaping (& → &amp;) adds a little.
 */
export const NOTE_PART = 3000;

/** Cuts text into parts of at most `max` characters, at a line break where there is one, else a space. */
export function splitAtLines(text: string, max = NOTE_PART): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    // A break in the first half would make many tiny parts; a hard cut is better then.
    const at = newline > max / 2 ? newline : space > max / 2 ? space : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^[ \n]/, '');
  }
  parts.push(rest);
  return parts;
}

/**
 * A note as the team sees it: `📝 <@alice> · INC-4: text` (📌 for a message kept on the timeline), whole, in as many messages as it takes,
 * each marked (1/3)… when there is more than one. Mentions the author typed stay mentions; anything
 * else that Slack would read as markup is escaped.
 */
export function buildNoteMessages(seq: number, author: string, text: string, emoji = '📝'): string[] {
  const parts = splitAtLines(text);
  return parts.map((part, index) => {
    const mark = parts.length > 1 ? ` (${index + 1}/${parts.length})` : '';
    return `${emoji} <@${author}> · ${incidentId(seq)}${mark}: ${escapeExceptMentions(part)}`;
  });
}
