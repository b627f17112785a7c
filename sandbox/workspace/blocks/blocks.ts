import { blockIdFor } from './block-ids.ts';
import { notAnObject, unsupported } from './elements.ts';
import { attrs, isObject } from './html.ts';
import { BLOCK_RENDERERS, blockTag } from './layout-blocks.ts';
import type { RenderContext } from './render-context.ts';

/**
 * Blocks of a message, an App Home tab or a modal → HTML, one wrapper per block with
 * `class="bk-block bk-<type>"` and `data-block-id` (the block's own, else blockIdFor's). A block of
 * a type not drawn here, or one that is not an object, is a visible "unsupported block: <type>" box.
 */
export function renderBlocks(blocks: unknown[], ctx: RenderContext): string {
  if (!Array.isArray(blocks)) return unsupported('block', 'blocks (not an array)');
  return `<div class="bk-blocks">${blocks.map((block, index) => renderBlock(block, index, ctx)).join('')}</div>`;
}

function renderBlock(block: unknown, index: number, ctx: RenderContext): string {
  if (!isObject(block)) return unsupported('block', notAnObject(block));
  const type = block['type'];
  const render = typeof type === 'string' ? BLOCK_RENDERERS[type] : undefined;
  if (typeof type !== 'string' || render === undefined) return unsupported('block', type);
  const blockId = blockIdFor(block, index);
  const tag = blockTag(type);
  const open = `<${tag}${attrs({ class: `bk-block bk-${type.replace(/_/g, '-')}`, 'data-block-id': blockId })}>`;
  if (tag === 'hr') return open;
  return `${open}${render(block, { ctx, blockId })}</${tag}>`;
}
