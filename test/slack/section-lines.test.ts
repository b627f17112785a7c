import { describe, expect, it } from 'vitest';
import { fitLines, linesToSections, MAX_LINE, MAX_SECTION_TEXT } from '../../src/slack/section-lines.ts';

describe('fitting lines into a message', () => {
  it('keeps the first lines that fit, or the last ones', () => {
    const lines = ['aaaa', 'bbbb', 'cccc'];
    // Each line costs its JSON length: 6 characters.
    expect(fitLines(lines, 'first', 12)).toEqual({ kept: ['aaaa', 'bbbb'], dropped: 1 });
    expect(fitLines(lines, 'last', 12)).toEqual({ kept: ['bbbb', 'cccc'], dropped: 1 });
  });

  it('cuts an over-long line so it cannot take the whole budget', () => {
    const { kept } = fitLines(['z'.repeat(5000)], 'first');
    expect(kept[0]).toHaveLength(MAX_LINE);
    expect(kept[0]?.endsWith('…')).toBe(true);
  });

  it('packs lines into sections of at most 3,000 characters without splitting a line', () => {
    const lines = Array.from({ length: 10 }, (_, index) => `${index}`.repeat(900));
    const sections = linesToSections(lines);
    const texts = sections.map((block) => (block as { text: { text: string } }).text.text);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(texts.join('\n')).toBe(lines.join('\n'));
    expect(sections).toHaveLength(4);
  });
});
