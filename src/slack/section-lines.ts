import type { KnownBlock } from './block-kit.ts';
import { truncate } from './mrkdwn.ts';

/** Slack refuses a section whose text is over 3,000 characters. */
export const MAX_SECTION_TEXT = 3000;
/** One line never takes more than this, so a single long note cannot crowd out the rest. */
export const MAX_LINE = 1000;
/**
 * What the lines of one message may add up to, counted JSON-encoded: Slack refuses the blocks of
 * a message somewhere above 13,000 serialized characters (bolt-js #2509), and block and field
 * syntax takes its share.
 */
export const LINE_BUDGET = 10_000;
/** Slack allows 50 blocks per message; the builders add a few around the lines. */
export const MAX_LINE_SECTIONS = 40;

export interface FittedLines {
  kept: string[];
  /** How many lines did not fit. */
  dropped: number;
}

function cost(line: string): number {
  // A line's share of the serialized payload: its JSON form plus the newline joining it.
  return JSON.stringify(line).length;
}

/**
 * Keeps as many lines as fit the budget, from the start (`keep: 'first'`) or from the end
 * (`keep: 'last'`, for timelines, whose newest entries matter most). Each line is cut to MAX_LINE.
 */
export function fitLines(
  lines: readonly string[],
  keep: 'first' | 'last',
  budget = LINE_BUDGET,
): FittedLines {
  const ordered = keep === 'first' ? [...lines] : [...lines].reverse();
  const kept: string[] = [];
  let used = 0;
  for (const raw of ordered) {
    const line = truncate(raw, MAX_LINE);
    used += cost(line);
    if (used > budget) break;
    kept.push(line);
  }
  if (keep === 'last') kept.reverse();
  return { kept, dropped: lines.length - kept.length };
}

/** Packs lines (each within MAX_LINE) into as few mrkdwn sections as Slack's 3,000-character limit allows. */
export function linesToSections(lines: readonly string[]): KnownBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length > MAX_SECTION_TEXT && current) {
      texts.push(current);
      current = line;
    } else {
      current = joined;
    }
  }
  if (current) texts.push(current);
  return texts.slice(0, MAX_LINE_SECTIONS).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) },
  }));
}
