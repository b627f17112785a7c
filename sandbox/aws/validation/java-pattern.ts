/**
 * AWS models carry Java (java.util.regex) patterns. Most compile unchanged as JS RegExps; this
 * rewrites the few Java-only spellings and reports the rest as uncompilable, which callers skip:
 * an unchecked pattern is safer than a wrongly translated one that rejects valid requests.
 */
const POSIX_CLASSES: Record<string, string> = {
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Upper: 'A-Z',
  Lower: 'a-z',
  Punct: '!-\\/:-@\\[-`{-~',
  Space: ' \\t\\n\\x0B\\f\\r',
  XDigit: '0-9a-fA-F',
  ASCII: '\\x00-\\x7F',
};

const cache = new Map<string, RegExp | null>();

/** Rewrites `\A`, `\Z`, `\z` and `\p{Alpha}`-style POSIX classes, minding whether we are inside `[...]`. */
function translate(pattern: string): string | null {
  // Atomic groups and class intersections have no JS equivalent (possessive quantifiers: below).
  if (/\(\?>|&&/.test(pattern)) return null;
  let out = '';
  let inClass = false;
  let afterQuantifier = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const rest = pattern.slice(i);
      const posix = /^\\p\{(?:Is)?(\w+)\}/.exec(rest);
      const range = posix ? POSIX_CLASSES[posix[1] ?? ''] : undefined;
      if (posix && range !== undefined) {
        out += inClass ? range : `[${range}]`;
        i += posix[0].length - 1;
        afterQuantifier = false;
        continue;
      }
      const next = pattern[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && (next === 'Z' || next === 'z')) out += '$';
      else out += char + next;
      i += 1;
      afterQuantifier = false;
      continue;
    }
    // A quantifier followed by `+` is possessive in Java; JS would read it as a second quantifier.
    if (char === '+' && afterQuantifier) return null;
    afterQuantifier = !inClass && (char === '*' || char === '+' || char === '?' || char === '}');
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}

/**
 * The JS RegExp for a model pattern, or null when it cannot be expressed. Patterns are not anchored
 * implicitly (Smithy semantics: the value must contain a match), so callers use `test`.
 */
export function compileJavaPattern(pattern: string): RegExp | null {
  if (cache.has(pattern)) return cache.get(pattern) ?? null;
  const source = translate(pattern);
  let compiled: RegExp | null = null;
  if (source !== null) {
    // Unicode mode first (so \p{L} works); Java tolerates escapes such as `\:` that unicode mode
    // rejects, so fall back to legacy mode before giving up.
    for (const flags of ['u', '']) {
      try {
        compiled = new RegExp(source, flags);
        break;
      } catch {
        compiled = null;
      }
    }
  }
  cache.set(pattern, compiled);
  return compiled;
}
