import { replaceShortcodes } from './emoji.ts';
import { decodeSlackEntities, escapeHtml } from './html.ts';
import { renderControlSequence } from './mrkdwn-links.ts';
import type { RenderContext } from './render-context.ts';

/**
 * Slack mrkdwn → HTML. Order matters for safety: code spans and `<…>` control sequences are cut out
 * first (their content is never formatted), the rest is entity-decoded and HTML-escaped, and only
 * then do *bold*, _italic_ and ~strike~ add tags. Every character of the input is escaped on the way.
 */
export function renderMrkdwn(text: string, ctx: RenderContext): string {
  // \ue000 and \ue001 (Private Use characters) delimit placeholders below; a payload must not forge one.
  // Slack does not draw trailing line breaks (warroom's latest-signal section often ends in one).
  const clean = (typeof text === 'string' ? text : '')
    .replace(/[\ue000\ue001]/g, '\ufffd')
    .replace(/\n+$/, '');
  const parts = clean.split(/```([\s\S]*?)```/);
  let html = '';
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const code = part.replace(/^\n/, '').replace(/\n$/, '');
      html += `<pre class="bk-pre">${escapeHtml(decodeSlackEntities(code))}</pre>`;
      return;
    }
    // A newline beside a ``` block is the block's own line break, not an empty line.
    let textPart = part;
    if (index > 0) textPart = textPart.replace(/^\n/, '');
    if (index < parts.length - 1) textPart = textPart.replace(/\n$/, '');
    html += renderLines(textPart, ctx);
  });
  return html;
}

const QUOTE_LINE = /^(?:&gt;|>) ?/;
const QUOTE_REST = /^(?:&gt;|>){3} ?/;

/** Lines, with runs of `>` lines (and everything after a `>>>`) as block quotes. */
function renderLines(text: string, ctx: RenderContext): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const groups: Array<{ quote: boolean; lines: string[] }> = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (QUOTE_REST.test(line)) {
      groups.push({ quote: true, lines: [line.replace(QUOTE_REST, ''), ...lines.slice(index + 1)] });
      break;
    }
    const quote = QUOTE_LINE.test(line);
    const content = quote ? line.replace(QUOTE_LINE, '') : line;
    const last = groups[groups.length - 1];
    if (last && last.quote === quote) last.lines.push(content);
    else groups.push({ quote, lines: [content] });
  }
  return groups
    .map((group) => {
      const inline = renderInline(group.lines.join('\n'), ctx);
      return group.quote ? `<blockquote class="bk-quote">${inline}</blockquote>` : inline;
    })
    .join('');
}

/** Formatting marks: the opening one may not follow a letter or digit, the closing one may not precede one. */
const EMPHASIS: Array<[RegExp, string]> = [
  [/(^|[^\p{L}\p{N}*])\*(?![\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])/gu, 'b'],
  [/(^|[^\p{L}\p{N}_])_(?![\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu, 'i'],
  [/(^|[^\p{L}\p{N}~])~(?![\s~])([^~\n]*?[^\s~])~(?![\p{L}\p{N}~])/gu, 's'],
];

/** One run of inline mrkdwn (no ``` blocks, no quotes) → HTML with <br> for line breaks. */
export function renderInline(text: string, ctx: RenderContext): string {
  const held: string[] = [];
  const hold = (html: string) => `\ue000${held.push(html) - 1}\ue001`;
  let out = text
    .replace(/`([^`\n]+)`/g, (_whole, code: string) =>
      hold(`<code class="bk-code">${escapeHtml(decodeSlackEntities(code))}</code>`),
    )
    .replace(/<([^<>\n]+)>/g, (_whole, inner: string) => hold(renderControlSequence(inner, ctx)));
  out = escapeHtml(decodeSlackEntities(replaceShortcodes(out)));
  for (const [pattern, tag] of EMPHASIS) {
    out = out.replace(
      pattern,
      (_whole, before: string, content: string) => `${before}<${tag}>${content}</${tag}>`,
    );
  }
  return out
    .replace(/\ue000(\d+)\ue001/g, (_whole, index: string) => held[Number(index)] ?? '')
    .replace(/\n/g, '<br>');
}
