import { replaceShortcodes } from './emoji.ts';
import { escapeHtml, isObject } from './html.ts';
import { renderMrkdwn } from './mrkdwn.ts';
import type { RenderContext } from './render-context.ts';

/**
 * A plain_text object's characters as the reader sees them: taken literally (Slack does not read
 * mrkdwn or entities in plain_text), with shortcodes turned into emoji unless `emoji: false`
 * (Slack's default is true). A bare string is accepted too; anything else gives ''.
 */
export function plainTextOf(obj: unknown): string {
  if (typeof obj === 'string') return obj;
  if (!isObject(obj) || typeof obj['text'] !== 'string') return '';
  return obj['emoji'] === false ? obj['text'] : replaceShortcodes(obj['text']);
}

/** A plain_text object → escaped HTML (no tags). */
export function renderPlainText(obj: unknown): string {
  return escapeHtml(plainTextOf(obj)).replace(/\n/g, '<br>');
}

/** A text object of either kind → HTML: mrkdwn formatted, plain_text literal. */
export function renderTextObject(obj: unknown, ctx: RenderContext): string {
  if (isObject(obj) && obj['type'] === 'mrkdwn' && typeof obj['text'] === 'string') {
    return renderMrkdwn(obj['text'], ctx);
  }
  return renderPlainText(obj);
}
