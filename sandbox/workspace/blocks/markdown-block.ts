import { attrs, escapeHtml, safeUrl } from './html.ts';

/**
 * The `markdown` block takes standard Markdown (not mrkdwn). This draws the common subset: fenced
 * code, # headings, - / * / 1. lists, > quotes, **bold**, *italic* / _italic_, ~~strike~~, `code`
 * and [label](url) (http, https, mailto only). Everything is escaped first; unknown syntax stays text.
 */
export function renderMarkdownBlock(text: string): string {
  const parts = text.split(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/m);
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? `<pre class="bk-pre">${escapeHtml(part.replace(/\n$/, ''))}</pre>`
        : renderMarkdownLines(part),
    )
    .join('');
}

type Line = {
  kind: 'heading' | 'bullet' | 'ordered' | 'quote' | 'text' | 'blank';
  text: string;
  level?: number;
};

function classify(line: string): Line {
  const heading = /^(#{1,6})\s+(.*)$/.exec(line);
  if (heading) return { kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' };
  const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[1] ?? '' };
  const ordered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
  if (ordered) return { kind: 'ordered', text: ordered[1] ?? '' };
  const quote = /^>\s?(.*)$/.exec(line);
  if (quote) return { kind: 'quote', text: quote[1] ?? '' };
  return line.trim() === '' ? { kind: 'blank', text: '' } : { kind: 'text', text: line };
}

function renderMarkdownLines(text: string): string {
  const lines = text.split('\n').map(classify);
  let html = '';
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    if (line.kind === 'blank') {
      index += 1;
      continue;
    }
    if (line.kind === 'heading') {
      html += `<div${attrs({ class: `bk-md-heading bk-md-h${line.level}` })}>${inline(line.text)}</div>`;
      index += 1;
      continue;
    }
    // Runs of the same kind: list items, quote lines, or paragraph lines.
    const run: string[] = [];
    while (index < lines.length && (lines[index] as Line).kind === line.kind) {
      run.push((lines[index] as Line).text);
      index += 1;
    }
    if (line.kind === 'bullet' || line.kind === 'ordered') {
      const tag = line.kind === 'bullet' ? 'ul' : 'ol';
      html += `<${tag} class="bk-md-list">${run.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    } else if (line.kind === 'quote') {
      html += `<blockquote class="bk-quote">${run.map(inline).join('<br>')}</blockquote>`;
    } else {
      html += `<p class="bk-md-paragraph">${run.map(inline).join('<br>')}</p>`;
    }
  }
  return html;
}

function inline(text: string): string {
  const held: string[] = [];
  const hold = (html: string) => `\ue000${held.push(html) - 1}\ue001`;
  let out = text
    .replace(/[\ue000\ue001]/g, '\ufffd')
    .replace(/`([^`]+)`/g, (_whole, code: string) => hold(`<code class="bk-code">${escapeHtml(code)}</code>`))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_whole, label: string, href: string) => {
      const url = safeUrl(href);
      const shown = escapeHtml(label);
      return hold(
        url
          ? `<a${attrs({ class: 'bk-link', href: url, target: '_blank', rel: 'noopener noreferrer' })}>${shown}</a>`
          : shown,
      );
    });
  out = escapeHtml(out)
    .replace(/\*\*(?!\s)([^*]+?)\*\*/g, '<b>$1</b>')
    .replace(/~~(?!\s)([^~]+?)~~/g, '<s>$1</s>')
    .replace(/(^|[^\p{L}\p{N}*])\*(?![\s*])([^*]+?)\*(?![\p{L}\p{N}])/gu, '$1<i>$2</i>')
    .replace(/(^|[^\p{L}\p{N}_])_(?![\s_])([^_]+?)_(?![\p{L}\p{N}])/gu, '$1<i>$2</i>');
  return out.replace(/\ue000(\d+)\ue001/g, (_whole, index: string) => held[Number(index)] ?? '');
}
