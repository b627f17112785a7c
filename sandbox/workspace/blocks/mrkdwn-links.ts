import { replaceShortcodes } from './emoji.ts';
import { attrs, decodeSlackEntities, escapeHtml, safeUrl } from './html.ts';
import type { RenderContext } from './render-context.ts';

/**
 * One `<…>` control sequence of Slack mrkdwn, as HTML: links (http, https, mailto only), user,
 * channel and user-group mentions, @here/@channel/@everyone, and dates (shown by their fallback).
 * Anything else is shown as the text it holds, never as markup.
 */
export function renderControlSequence(inner: string, ctx: RenderContext): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) return userMention(target.slice(1), label, ctx);
  if (target.startsWith('#')) return channelMention(target.slice(1), label, ctx);
  if (target.startsWith('!')) return special(target.slice(1), label, ctx);
  const url = safeUrl(decodeSlackEntities(target));
  const text = labelHtml(label ?? target);
  if (url === undefined) return text;
  return `<a${attrs({ class: 'bk-link', href: url, target: '_blank', rel: 'noopener noreferrer' })}>${text}</a>`;
}

function labelHtml(label: string): string {
  return escapeHtml(replaceShortcodes(decodeSlackEntities(label)));
}

export function userMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = ctx.userName(id) ?? (label ? decodeSlackEntities(label) : id);
  return `<span${attrs({ class: 'bk-mention bk-user', 'data-user-id': id })}>@${escapeHtml(name)}</span>`;
}

export function channelMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = ctx.channelName(id) ?? (label ? decodeSlackEntities(label) : id);
  return `<span${attrs({ class: 'bk-mention bk-channel', 'data-channel-id': id })}>#${escapeHtml(name)}</span>`;
}

export function usergroupMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const handle = ctx.usergroupHandle?.(id) ?? (label ? decodeSlackEntities(label) : id);
  const shown = handle.startsWith('@') ? handle : `@${handle}`;
  return `<span${attrs({ class: 'bk-mention bk-usergroup', 'data-usergroup-id': id })}>${escapeHtml(shown)}</span>`;
}

export function broadcastMention(range: string): string {
  return `<span${attrs({ class: 'bk-mention bk-broadcast' })}>@${escapeHtml(range)}</span>`;
}

/**
 * A Slack date (`<!date^1795338000^{date_short_pretty} {time}|fallback>`) in a <time> whose
 * datetime is the instant: the context's formatDate text when it gives one, else the fallback.
 */
export function dateHtml(
  epoch: unknown,
  format: string,
  fallback: string | undefined,
  ctx: RenderContext,
): string {
  const seconds = typeof epoch === 'number' ? epoch : Number(epoch);
  const valid = Number.isFinite(seconds);
  const iso = valid ? new Date(seconds * 1000).toISOString() : undefined;
  const formatted = valid ? ctx.formatDate?.(seconds, format) : undefined;
  const text = formatted ?? fallback ?? iso ?? String(epoch);
  return `<time${attrs({ class: 'bk-date', datetime: iso })}>${escapeHtml(text)}</time>`;
}

function special(command: string, label: string | undefined, ctx: RenderContext): string {
  if (command === 'here' || command === 'channel' || command === 'everyone') return broadcastMention(command);
  const parts = command.split('^');
  if (parts[0] === 'subteam' && parts[1]) return usergroupMention(parts[1], label, ctx);
  if (parts[0] === 'date' && parts[1]) {
    const fallback = label === undefined ? undefined : decodeSlackEntities(label);
    return dateHtml(parts[1], parts[2] ?? '', fallback, ctx);
  }
  return labelHtml(label ?? command);
}
