import type { KnownBlock } from '../slack/block-kit.ts';
import { truncate } from '../slack/mrkdwn.ts';

/** What every message starts with during a drill: the card header, the text, a file's comment. */
export const DRILL_PREFIX = 'DRILL · ';

/** The context line a drill adds under a message's header (or on top). */
export const DRILL_NOTICE =
  '🧪 *DRILL* · a practice run: warroom is connected to a local AWS emulator, no AWS resources are touched.';

/** Slack's limits: a header's text, and the blocks of one message. */
const MAX_HEADER = 150;
const MAX_BLOCKS = 50;

export function markDrillText(text: string): string {
  return text.startsWith(DRILL_PREFIX) ? text : `${DRILL_PREFIX}${text}`;
}

const isNotice = (block: KnownBlock) =>
  block.type === 'context' &&
  block.elements.some((element) => 'text' in element && element.text === DRILL_NOTICE);

/**
 * A message as it is posted during a drill: its text and header start with "DRILL · " and a
 * context line under the header says no AWS resources are touched. Pure and idempotent (marking
 * a marked message changes nothing), so a card re-rendered and updated stays marked once.
 */
export function markDrillMessage<T extends { text: string; blocks?: KnownBlock[] }>(content: T): T {
  const text = markDrillText(content.text);
  if (!content.blocks) return { ...content, text };
  const blocks = content.blocks.map((block) =>
    block.type === 'header'
      ? { ...block, text: { ...block.text, text: truncate(markDrillText(block.text.text), MAX_HEADER) } }
      : block,
  );
  if (!blocks.some(isNotice) && blocks.length < MAX_BLOCKS) {
    const at = blocks[0]?.type === 'header' ? 1 : 0;
    blocks.splice(at, 0, { type: 'context', elements: [{ type: 'mrkdwn', text: DRILL_NOTICE }] });
  }
  return { ...content, text, blocks };
}
