import { plainMarkup } from '../incident-manager/index.ts';

/** How the review names people: canvas mentions (Slack renders them) or plain names (a file). */
export interface ReviewNaming {
  format: 'canvas' | 'file';
  /** Names by Slack id: users (`U0ALICE` → `Alice Archer`) and user groups (`S0SRE` → `@sre`). */
  names: ReadonlyMap<string, string>;
}

/** Slack's mention markup as stored on the timeline; the label, if any, is dropped. */
const MENTION = /<(@[UW][A-Z0-9]{2,20}|!subteam\^S[A-Z0-9]{2,20}|#C[A-Z0-9]{2,20})(?:\|[^<>|]{0,80})?>/g;

/** Escapes what Markdown would read as formatting, so AWS text or a note shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, (char) => `\\${char}`).replace(/^(\s*)([#>+-]|\d+\.)/gm, '$1\\$2');
}

/** A person by id: a canvas mention (`![](@U0ALICE)`), else their name, else "Slack user U0ALICE". */
export function personText(id: string, naming: ReviewNaming): string {
  if (naming.format === 'canvas' && /^[UW][A-Z0-9]+$/.test(id)) return `![](@${id})`;
  return escapeMarkdown(naming.names.get(id) ?? `Slack user ${id}`);
}

/** Who did a timeline entry: a person, warroom itself, or an AWS source (`aws:cloudwatch-alarm`). */
export function actorText(actor: string, naming: ReviewNaming): string {
  if (actor === 'warroom') return 'warroom';
  if (actor.startsWith('aws:')) return `AWS (${escapeMarkdown(actor.slice(4))})`;
  return personText(actor, naming);
}

/**
 * Stored text (Slack markup: mentions, links, dates) as review Markdown: people as canvas mentions
 * or names, user groups as their handle, channels as canvas channel mentions or `#name`, the rest of
 * Slack's markup as words, everything else escaped. Newlines are kept.
 */
export function reviewText(text: string, naming: ReviewNaming): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    out += escapeMarkdown(plainMarkup(text.slice(last, match.index)));
    const target = match[1] ?? '';
    if (target.startsWith('@')) out += personText(target.slice(1), naming);
    else if (target.startsWith('#'))
      out +=
        naming.format === 'canvas'
          ? `![](${target})`
          : escapeMarkdown(naming.names.get(target.slice(1)) ?? target);
    else {
      const group = target.slice('!subteam^'.length);
      out += escapeMarkdown(naming.names.get(group) ?? `Slack group ${group}`);
    }
    last = match.index + match[0].length;
  }
  return out + escapeMarkdown(plainMarkup(text.slice(last)));
}

/** Text on one line (a list item or table cell): newlines become a visible break mark. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ⏎ ');
}

/** A quote block: every line of `text` (already Markdown) prefixed with `> `. */
export function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** A Markdown link whose label is escaped; the URL's parentheses are encoded so it ends where it should. */
export function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}

/** Mentions of people and groups in stored text, so the names can be fetched before building. */
export function mentionedIds(text: string): string[] {
  return [...text.matchAll(MENTION)].flatMap((match) => {
    const target = match[1] ?? '';
    if (target.startsWith('@')) return [target.slice(1)];
    if (target.startsWith('!subteam^')) return [target.slice('!subteam^'.length)];
    return [];
  });
}
