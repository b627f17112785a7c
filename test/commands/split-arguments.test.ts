import { describe, expect, it } from 'vitest';
import { splitArguments, unquoteWhole } from '../../commands/split-arguments.ts';

const texts = (text: string) => {
  const split = splitArguments(text);
  if (!split.ok) throw new Error(split.problem);
  return split.args.map((arg) => arg.text);
};

describe('splitArguments', () => {
  it('takes a quoted run as one argument without its quotes', () => {
    expect(texts('"Checkout latency" 2')).toEqual(['Checkout latency', '2']);
    expect(texts('  INC-4   "a  b"  ')).toEqual(['INC-4', 'a  b']);
  });

  it('takes the typographic quotes Slack clients type the same way, in either pairing', () => {
    expect(texts('“Checkout latency” 2')).toEqual(['Checkout latency', '2']);
    expect(texts('“Checkout latency" 2')).toEqual(['Checkout latency', '2']);
    expect(texts('„Checkout latency“ 2')).toEqual(['Checkout latency', '2']);
  });

  it('marks what was quoted, so a quoted number can stay a word', () => {
    const split = splitArguments('"Release 2" "2"');
    expect(split.ok && split.args).toEqual([
      { text: 'Release 2', quoted: true },
      { text: '2', quoted: true },
    ]);
  });

  it('opens a quote after = for a key=value with spaces, and keeps a quote inside a word', () => {
    expect(texts('resize Reason="nightly batch" Size=20')).toEqual([
      'resize',
      'Reason=nightly batch',
      'Size=20',
    ]);
    expect(texts('12" pipe burst')).toEqual(['12"', 'pipe', 'burst']);
  });

  it('keeps an empty quoted argument, and splits unquoted text at any whitespace', () => {
    expect(texts('"" x')).toEqual(['', 'x']);
    expect(texts('a\tb\nc')).toEqual(['a', 'b', 'c']);
    expect(texts('')).toEqual([]);
  });

  it('refuses a quote that is never closed, naming where it starts', () => {
    expect(splitArguments('"Checkout latency 2')).toEqual({
      ok: false,
      problem: 'The quote before `Checkout latency 2` is never closed: close it, or leave the quotes out.',
    });
    expect(splitArguments('x “abc').ok).toBe(false);
  });
});

describe('unquoteWhole', () => {
  it('takes off quotes around the whole text only', () => {
    expect(unquoteWhole(' "the replica lags" ')).toBe('the replica lags');
    expect(unquoteWhole('“the replica lags”')).toBe('the replica lags');
    expect(unquoteWhole('the "orders" table is big')).toBe('the "orders" table is big');
    expect(unquoteWhole('"a" and "b"')).toBe('"a" and "b"');
  });

  it('keeps a lone or unbalanced quote as the person wrote it', () => {
    expect(unquoteWhole('"hmm')).toBe('"hmm');
    expect(unquoteWhole('"')).toBe('"');
    expect(unquoteWhole('5" of rain"')).toBe('5" of rain"');
  });
});
