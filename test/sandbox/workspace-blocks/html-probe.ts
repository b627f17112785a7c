/**
 * A tiny reader for the renderer's HTML in tests: the renderer escapes every attribute value, so a
 * tag ends at the first `>` and a value at the first `"`, and regexes are enough.
 */

export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Index just past the opening tag. */
  end: number;
}

export function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(/([a-zA-Z][-a-zA-Z0-9_:]*)(?:="([^"]*)")?/g)) {
    attrs[match[1] as string] = decodeHtml(match[2] ?? '');
  }
  return attrs;
}

/** Every opening tag of these names, in document order. */
export function tags(html: string, ...names: string[]): Tag[] {
  const pattern = new RegExp(`<(${names.join('|')})\\b([^>]*)>`, 'g');
  return [...html.matchAll(pattern)].map((match) => ({
    name: match[1] as string,
    attrs: parseAttrs(match[2] ?? ''),
    end: (match.index ?? 0) + match[0].length,
  }));
}

/** The interactive controls (the UI's contract), in document order. */
export function controls(html: string): Tag[] {
  return tags(html, 'button', 'select', 'input', 'textarea', 'fieldset').filter((tag) =>
    (tag.attrs['class'] ?? '').split(' ').includes('bk-interactive'),
  );
}

export function byTestId(html: string, testId: string): Tag {
  const found = controls(html).find((tag) => tag.attrs['data-testid'] === testId);
  if (!found) throw new Error(`no control with data-testid="${testId}"`);
  return found;
}

/** The HTML between an opening tag and its (first) closing tag: enough for controls, which do not nest. */
export function innerOf(html: string, tag: Tag): string {
  const close = html.indexOf(`</${tag.name}>`, tag.end);
  return close < 0 ? '' : html.slice(tag.end, close);
}

/** The text a reader sees: tags dropped, entities decoded. */
export function textOf(html: string): string {
  return decodeHtml(html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));
}

/** The element JSON a control carries in data-element. */
export function elementOf(tag: Tag): Record<string, unknown> {
  return JSON.parse(tag.attrs['data-element'] ?? 'null') as Record<string, unknown>;
}

/** `<option>`s of a select: value, label and whether selected. */
export function optionsOf(
  html: string,
  select: Tag,
): Array<{ value: string; label: string; selected: boolean }> {
  const inner = innerOf(html, select);
  return [...inner.matchAll(/<option\b([^>]*)>([^<]*)<\/option>/g)].map((match) => {
    const attrs = parseAttrs(match[1] ?? '');
    return { value: attrs['value'] ?? '', label: decodeHtml(match[2] ?? ''), selected: 'selected' in attrs };
  });
}

/** A context that knows two people, one channel and one user group. */
const USERS: Record<string, string> = { U0ALICE: 'alice', U0BOB: 'bob' };
const CHANNELS: Record<string, string> = { C0ALERTS: 'alerts' };
const GROUPS: Record<string, string> = { S0SRE: 'sre-team' };

export const CONTEXT = {
  userName: (id: string): string | undefined => USERS[id],
  channelName: (id: string): string | undefined => CHANNELS[id],
  usergroupHandle: (id: string): string | undefined => GROUPS[id],
};
