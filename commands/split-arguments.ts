/**
 * Straight and typographic double quotes: Slack's clients (macOS, iOS) turn `"` into “ and ” as
 * people type, so either kind opens and closes a quoted argument.
 */
const QUOTES = new Set(['"', '“', '”', '„']);

export interface Argument {
  text: string;
  /** Written in quotes: taken literally (a quoted `2` is a word of a title, not an impact). */
  quoted: boolean;
}

export type SplitResult = { ok: true; args: Argument[] } | { ok: false; problem: string };

/**
 * Splits a command's text into arguments at whitespace; a quoted run is one argument, without its
 * quotes: `"Checkout latency" 2` → `Checkout latency`, `2`. A quote opens a run only at the start
 * of an argument or right after `=` (`note="two words"`), so `12" pipe` keeps its inch mark. A run
 * left open is refused with a clear problem rather than guessed at.
 */
export function splitArguments(text: string): SplitResult {
  const args: Argument[] = [];
  let current: Argument | undefined;
  let openedAt = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (openedAt >= 0) {
      if (QUOTES.has(char)) openedAt = -1;
      else (current as Argument).text += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (current) args.push(current);
      current = undefined;
      continue;
    }
    const opens = QUOTES.has(char) && (!current || current.text.endsWith('='));
    if (!current) current = { text: '', quoted: false };
    if (opens) {
      current.quoted = true;
      openedAt = index;
    } else {
      current.text += char;
    }
  }
  if (openedAt >= 0) {
    const after = text.slice(openedAt + 1).trim();
    const shown = after.length > 30 ? `${after.slice(0, 30)}…` : after;
    return {
      ok: false,
      problem: `The quote before \`${shown.replace(/`/g, "'")}\` is never closed: close it, or leave the quotes out.`,
    };
  }
  if (current) args.push(current);
  return { ok: true, args };
}

/**
 * Free text (a note, a summary) is one argument: quotes around all of it are taken off, quotes
 * inside it are the person's own words and stay, and so does a lone quote.
 */
export function unquoteWhole(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 2) return trimmed;
  const inner = trimmed.slice(1, -1);
  const wrapped = QUOTES.has(trimmed[0] as string) && QUOTES.has(trimmed.at(-1) as string);
  if (!wrapped || [...inner].some((char) => QUOTES.has(char))) return trimmed;
  return inner.trim();
}
