import type { KnownBlock } from '../slack/block-kit.ts';
import { escapeMrkdwn, slackDate, truncate } from '../slack/mrkdwn.ts';
import { fitLines, linesToSections } from '../slack/section-lines.ts';
import { type Incident, incidentId, type TimelineEntry } from './incident.ts';

export interface TimelineMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Who made an entry: a Slack mention for people, the AWS source for signals (`aws:rds-event`). */
export function actorText(actor: string): string {
  if (actor.startsWith('aws:')) return `AWS ${escapeMrkdwn(actor.slice(4))}`;
  // Only a well-formed user id becomes a mention; anything else is shown as text.
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}

/** One entry: time, who, what, and from → to for changes. */
export function timelineLine(entry: TimelineEntry): string {
  const change =
    entry.from !== undefined || entry.to !== undefined
      ? ` (${escapeMrkdwn(entry.from ?? '—')} → ${escapeMrkdwn(entry.to ?? '—')})`
      : '';
  const what = escapeMrkdwn(entry.text.replace(/\s*\n\s*/g, ' '));
  return `• ${slackDate(entry.at)} · ${actorText(entry.actor)} · ${what}${change}`;
}

/**
 * An incident's whole timeline, oldest first. When it does not fit one message, the oldest entries
 * give way to the newest and the reply says how many were left out.
 */
export function buildTimelineMessage(incident: Incident, entries: readonly TimelineEntry[]): TimelineMessage {
  const id = incidentId(incident.seq);
  const { kept, dropped } = fitLines(entries.map(timelineLine), 'last');
  const heading = `*Timeline of ${id}* · ${escapeMrkdwn(truncate(incident.title, 200))} · ${entries.length} ${
    entries.length === 1 ? 'entry' : 'entries'
  }`;
  const lines = dropped > 0 ? [`… ${dropped} earlier ${dropped === 1 ? 'entry' : 'entries'}`, ...kept] : kept;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: heading } }];
  if (entries.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_Nothing recorded yet._' } });
  } else {
    blocks.push(...linesToSections(lines));
  }
  return { text: `Timeline of ${id} (${entries.length} entries)`, blocks };
}
