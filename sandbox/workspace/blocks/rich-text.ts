import { notAnObject, unsupported } from './elements.ts';
import { emojiFor, emojiFromCodePoints } from './emoji.ts';
import { attrs, escapeHtml, isObject, type JsonObject, safeUrl, stringOf } from './html.ts';
import { broadcastMention, channelMention, dateHtml, usergroupMention, userMention } from './mrkdwn-links.ts';
import type { RenderContext } from './render-context.ts';

/** The rich_text block: sections, bullet/ordered lists with indent, preformatted and quotes. */

function children(value: JsonObject): unknown[] {
  return Array.isArray(value['elements']) ? value['elements'] : [];
}

/** bold, italic, strike, underline and code styles wrap the run, innermost code. */
function styled(html: string, style: unknown): string {
  if (!isObject(style)) return html;
  let out = html;
  if (style['code'] === true) out = `<code class="bk-code">${out}</code>`;
  if (style['underline'] === true) out = `<u>${out}</u>`;
  if (style['strike'] === true) out = `<s>${out}</s>`;
  if (style['italic'] === true) out = `<i>${out}</i>`;
  if (style['bold'] === true) out = `<b>${out}</b>`;
  return out;
}

function textRun(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function inlineElement(element: unknown, ctx: RenderContext): string {
  if (!isObject(element)) return unsupported('element', notAnObject(element));
  const style = element['style'];
  switch (element['type']) {
    case 'text':
      return styled(textRun(stringOf(element['text']) ?? ''), style);
    case 'link': {
      const url = safeUrl(element['url']);
      const label = textRun(stringOf(element['text']) ?? stringOf(element['url']) ?? '');
      const html = url
        ? `<a${attrs({ class: 'bk-link', href: url, target: '_blank', rel: 'noopener noreferrer' })}>${label}</a>`
        : label;
      return styled(html, style);
    }
    case 'user':
      return styled(userMention(String(element['user_id']), undefined, ctx), style);
    case 'channel':
      return styled(channelMention(String(element['channel_id']), undefined, ctx), style);
    case 'usergroup':
      return styled(usergroupMention(String(element['usergroup_id']), undefined, ctx), style);
    case 'broadcast':
      return styled(broadcastMention(String(element['range'])), style);
    case 'emoji': {
      const name = stringOf(element['name']) ?? '';
      const emoji = emojiFromCodePoints(element['unicode']) ?? emojiFor(name) ?? `:${name}:`;
      return `<span${attrs({ class: 'bk-emoji', title: `:${name}:` })}>${escapeHtml(emoji)}</span>`;
    }
    case 'date':
      return styled(
        dateHtml(element['timestamp'], stringOf(element['format']) ?? '', stringOf(element['fallback']), ctx),
        style,
      );
    case 'color': {
      const value = stringOf(element['value']) ?? '';
      const swatch = /^#[0-9a-f]{3,8}$/i.test(value)
        ? `<span class="bk-color-swatch" style="background:${value}"></span>`
        : '';
      return `<span class="bk-color">${swatch}${escapeHtml(value)}</span>`;
    }
    default:
      return unsupported('element', element['type']);
  }
}

function inlineElements(owner: JsonObject, ctx: RenderContext): string {
  return children(owner)
    .map((element) => inlineElement(element, ctx))
    .join('');
}

const BULLETS = ['disc', 'circle', 'square'];
const NUMBERS = ['decimal', 'lower-alpha', 'lower-roman'];

function renderList(list: JsonObject, ctx: RenderContext): string {
  const ordered = list['style'] === 'ordered';
  const indent = Math.min(8, Math.max(0, Number(list['indent']) || 0));
  const offset = Number(list['offset']) || 0;
  const marker = (ordered ? NUMBERS : BULLETS)[indent % 3];
  const items = children(list)
    .map(
      (item) =>
        `<li>${isObject(item) ? inlineElements(item, ctx) : unsupported('element', notAnObject(item))}</li>`,
    )
    .join('');
  const tag = ordered ? 'ol' : 'ul';
  const border = Number(list['border']) > 0 ? ' bk-rt-list-border' : '';
  return `<${tag}${attrs({
    class: `bk-rt-list bk-rt-indent-${indent}${border}`,
    start: ordered && offset > 0 ? offset + 1 : undefined,
    style: `list-style-type:${marker};margin-left:${1.5 + indent * 1.5}em`,
  })}>${items}</${tag}>`;
}

function richTextPart(part: unknown, ctx: RenderContext): string {
  if (!isObject(part)) return unsupported('element', notAnObject(part));
  switch (part['type']) {
    case 'rich_text_section':
      return `<div class="bk-rt-section">${inlineElements(part, ctx)}</div>`;
    case 'rich_text_list':
      return renderList(part, ctx);
    case 'rich_text_preformatted':
      return `<pre class="bk-pre">${inlineElements(part, ctx)}</pre>`;
    case 'rich_text_quote':
      return `<blockquote class="bk-quote">${inlineElements(part, ctx)}</blockquote>`;
    default:
      return unsupported('element', part['type']);
  }
}

/** The inside of a rich_text block. */
export function renderRichText(block: JsonObject, ctx: RenderContext): string {
  return children(block)
    .map((part) => richTextPart(part, ctx))
    .join('');
}
