import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeExceptMentions } from '../slack/mentions.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { LINE_BUDGET, linesToSections, MAX_LINE_SECTIONS } from '../slack/section-lines.ts';
import { type Incident, incidentId, type TimelineEntry } from './incident.ts';

export interface TimelineMessage {
  text: string;
  blocks: KnownBlock[];
}

/** How much of one entry's text a timeline line shows; a longer one is cut and says where it is whole. */
export const MAX_ENTRY_TEXT = 700;

/** Who made an entry: a Slack mention for people, the AWS source for signals (`aws:rds-event`). */
export function actorText(actor: string): string {
  if (actor.startsWith('aws:')) return `AWS ${escapeMrkdwn(actor.slice(4))}`;
  // Only a well-formed user id becomes a mention; anything else is shown as text.
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}

export interface TimelineLineOptions {
  /** Where a long note can be read whole (the card's thread permalink), when known. */
  threadLink?: string;
}

/** Where a cut entry is whole: notes are posted whole in the card's thread; others say what was cut. */
function cutPointer(entry: TimelineEntry, length: number, options: TimelineLineOptions): string {
  const size = `${length.toLocaleString('en-US')} characters`;
  if (entry.kind !== 'note') return ` _(cut: ${size} in all)_`;
  const where = options.threadLink
    ? `<${options.threadLink.replace(/[|>]/g, encodeURIComponent)}|whole in the card's thread>`
    : "whole in the card's thread";
  return ` _(${size}; ${where})_`;
}

/**
 * One entry: time, who, what, and from → to for changes. People and groups mentioned by people
 * render as mentions; everything else (and anything an AWS source wrote) is escaped.
 */
export function timelineLine(entry: TimelineEntry, options: TimelineLineOptions = {}): string {
  const change =
    entry.from !== undefined || entry.to !== undefined
      ? ` (${escapeMrkdwn(entry.from ?? '—')} → ${escapeMrkdwn(entry.to ?? '—')})`
      : '';
  const flat = entry.text.replace(/\s*\n\s*/g, ' ');
  const cut = flat.length > MAX_ENTRY_TEXT;
  // Cut before escaping so a mention or an entity is never split; a cut mention falls back to text.
  const shown = cut ? `${flat.slice(0, MAX_ENTRY_TEXT).trimEnd()}…` : flat;
  const escapeText = entry.actor.startsWith('aws:') ? escapeMrkdwn : escapeExceptMentions;
  const pointer = cut ? cutPointer(entry, entry.text.length, options) : '';
  return `• ${slackDate(entry.at)} · ${actorText(entry.actor)} · ${escapeText(shown)}${pointer}${change}`;
}

/**
 * Lines in pages, oldest first, each page within what one message carries (its serialized size and
 * its number of sections).
 */
export function pageLines(lines: readonly string[], budget = LINE_BUDGET): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = JSON.stringify(line).length;
    // A page of lines of up to ~1,000 characters never needs more sections than it has lines / 2.
    if (page.length > 0 && (used + cost > budget || page.length >= MAX_LINE_SECTIONS * 2)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(line);
    used += cost;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

export interface TimelinePageRequest extends TimelineLineOptions {
  /** 1-based; absent: the last page (the newest entries). */
  page?: number;
}

/**
 * One page of an incident's timeline, oldest first. Without a page number it is the last one, the
 * newest entries; when there is more than one, the heading says which and how to read the others.
 */
export function buildTimelineMessage(
  incident: Incident,
  entries: readonly TimelineEntry[],
  request: TimelinePageRequest = {},
): TimelineMessage {
  const id = incidentId(incident.seq);
  const pages = pageLines(entries.map((entry) => timelineLine(entry, request)));
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  const heading = `*Timeline of ${id}* · ${escapeMrkdwn(truncate(incident.title, 200))} · ${count}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: heading } }];
  if (entries.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_Nothing recorded yet._' } });
    return { text: `Timeline of ${id} (0 entries)`, blocks };
  }
  const page = Math.min(Math.max(request.page ?? pages.length, 1), pages.length);
  if (pages.length > 1) {
    const others = `\`/incident timeline ${id} <page>\` shows page 1 (oldest) to ${pages.length} (newest)`;
    const beyond =
      request.page !== undefined && request.page > pages.length ? ` There is no page ${request.page}.` : '';
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Page ${page} of ${pages.length}: ${others}.${beyond}` }],
    });
  }
  blocks.push(...linesToSections(pages[page - 1] ?? []));
  return {
    text: `Timeline of ${id} (${count}${pages.length > 1 ? `, page ${page} of ${pages.length}` : ''})`,
    blocks,
  };
}
