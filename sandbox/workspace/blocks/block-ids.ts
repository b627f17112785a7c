import { isObject } from './html.ts';

/** FNV-1a, 32 bits, base 36: a short stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * The block_id a block is rendered with: its own, else a deterministic one (Slack assigns a random
 * one). Generated ids are `bk` + a fingerprint of the block's position and JSON, so the same block
 * at the same place always gets the same id across re-renders (kept state keeps its key). The local
 * Slack API may call this to write the same ids into the blocks it stores and sends back.
 */
export function blockIdFor(block: unknown, index: number): string {
  if (isObject(block) && typeof block['block_id'] === 'string') return block['block_id'];
  return `bk${fingerprint(`${index}:${JSON.stringify(block) ?? ''}`)}`;
}

/** The action_id an element is rendered with: its own, else `bk` + a fingerprint of its JSON. */
export function actionIdFor(element: unknown): string {
  if (isObject(element) && typeof element['action_id'] === 'string') return element['action_id'];
  return `bk${fingerprint(JSON.stringify(element) ?? '')}`;
}
