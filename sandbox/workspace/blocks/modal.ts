import { BotError } from '../../../src/errors.ts';
import { renderBlocks } from './blocks.ts';
import { isObject } from './html.ts';
import type { RenderContext } from './render-context.ts';
import { renderPlainText } from './text-objects.ts';

export interface RenderedModal {
  /** Escaped HTML of the title (plain text, emoji converted). */
  title: string;
  /** The submit button's label; absent when the view has no submit (then it has no submit button). */
  submit?: string;
  /** The close button's label: the view's own, else Slack's default "Cancel". */
  close?: string;
  /** The blocks, input blocks included, as renderBlocks draws them. */
  body: string;
}

/** A modal view (as views.open/push/update take it) → its title, button labels and body HTML. */
export function renderModal(view: unknown, ctx: RenderContext): RenderedModal {
  if (!isObject(view)) {
    throw new BotError('BLOCK_KIT.BAD_VIEW', 'A modal view must be an object with title and blocks.');
  }
  return {
    title: renderPlainText(view['title']),
    ...(view['submit'] !== undefined ? { submit: renderPlainText(view['submit']) } : {}),
    close: view['close'] !== undefined ? renderPlainText(view['close']) : 'Cancel',
    // renderBlocks draws a non-array as a visible unsupported box.
    body: renderBlocks(view['blocks'] as unknown[], ctx),
  };
}
