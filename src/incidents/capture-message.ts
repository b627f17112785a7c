import type { Incident, SlackActor } from './incident.ts';
import type { Transition } from './transitions.ts';

/** A Slack message someone asked to keep on an incident's timeline. */
export interface CapturedMessage {
  channel: string;
  ts: string;
  /** The Slack user who wrote it; absent for messages from apps and integrations. */
  author?: string;
  text: string;
  permalink: string;
}

/** How much of a message the timeline keeps; the permalink leads to the whole of it. */
export const MAX_CAPTURED_TEXT = 500;

/** One message is on the timeline at most once, whoever pins it and however often. */
export function messageDedupeKey(channel: string, ts: string): string {
  return `message:${channel}:${ts}`;
}

/** When a message was posted: a Slack ts is seconds since the epoch with a microsecond suffix. */
export function messageTime(ts: string): Date | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts);
  if (!match) return undefined;
  return new Date(Number(match[1]) * 1000 + Math.floor(Number((match[2] ?? '').padEnd(6, '0')) / 1000));
}

/** Slack's `<…>` markup, as plain words: people and channels by name or id, links as label (url). */
function plainMarkup(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label ?? '@group';
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  return label && label !== target ? `${label} (${target})` : target;
}

/**
 * A message's text as one plain timeline line (timeline text is plain everywhere: the Slack
 * timeline escapes it and Incident Manager shows it as is): Slack's markup and escaping undone,
 * whitespace folded, and cut to `max` characters, marked with "…".
 */
export function quoteMessageText(text: string, max = MAX_CAPTURED_TEXT): string {
  const plain = text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => plainMarkup(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length === 0) return '(no text)';
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Adds a message to the timeline: the entry sits at the time the message was posted (so the
 * timeline reads in the order things were said), names who pinned it as the actor, and carries
 * the author, the quoted text and the permalink. The incident itself is unchanged, so its card
 * needs no update; a resolved incident still takes messages (post-incident reviews pin late).
 */
export function captureMessage(
  incident: Incident,
  message: CapturedMessage,
  actor: SlackActor,
  now: Date,
): Transition {
  // A mention: the Slack timeline renders it, Incident Manager's write names the person.
  const author = message.author && /^[UW][A-Z0-9]+$/.test(message.author) ? `<@${message.author}>` : 'an app';
  return {
    kind: 'changed',
    incident,
    entry: {
      at: messageTime(message.ts) ?? now,
      kind: 'message',
      actor: actor.userId,
      text: `added a message by ${author}: “${quoteMessageText(message.text)}” ${message.permalink}`,
      dedupeKey: messageDedupeKey(message.channel, message.ts),
    },
  };
}
