import { describe, expect, it } from 'vitest';
import { buildNoteMessages, NOTE_PART, splitAtLines } from '../../src/incidents/note-messages.ts';
import { noteConfirmation } from '../../src/incidents/post-note.ts';

describe('a note as messages', () => {
  it('is one line naming the author and the incident, mentions kept, markup escaped', () => {
    expect(buildNoteMessages(4, 'U0ALICE', 'asked <@U0BOB> to fail over <!channel> & wait')).toEqual([
      '📝 <@U0ALICE> · INC-4: asked <@U0BOB> to fail over &lt;!channel&gt; &amp; wait',
    ]);
  });

  it('keeps a long note whole across messages cut at line breaks, each marked', () => {
    const lines = Array.from({ length: 150 }, (_, index) => `line ${index} ${'z'.repeat(40)}`);
    const text = lines.join('\n');
    const messages = buildNoteMessages(4, 'U0ALICE', text);
    expect(messages.length).toBe(3);
    messages.forEach((message, index) => {
      expect(message.startsWith(`📝 <@U0ALICE> · INC-4 (${index + 1}/3): line `)).toBe(true);
    });
    const parts = splitAtLines(text);
    expect(parts.join('\n')).toBe(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(NOTE_PART);
  });

  it('cuts a note without line breaks at spaces, and one without spaces hard, losing nothing', () => {
    const words = Array.from({ length: 1500 }, (_, index) => `w${index}`).join(' ');
    expect(splitAtLines(words).join(' ')).toBe(words);
    const solid = 'q'.repeat(7000);
    expect(splitAtLines(solid).join('')).toBe(solid);
    expect(splitAtLines(solid).map((part) => part.length)).toEqual([3000, 3000, 1000]);
  });
});

describe('the confirmation', () => {
  it('links each place the note is, and says what failed', () => {
    expect(
      noteConfirmation('INC-4', {
        thread: 'https://slack.example/p1',
        channel: { id: 'C0INC4', link: 'https://slack.example/p2' },
        problems: [],
      }),
    ).toBe(
      "INC-4: your note is on the timeline, <https://slack.example/p1|in the card's thread> and <https://slack.example/p2|in the incident channel> <#C0INC4>.",
    );
    expect(
      noteConfirmation('INC-4', { problems: ['I could not post it in <#C0INC4> (not_in_channel)'] }),
    ).toBe('INC-4: your note is on the timeline. I could not post it in <#C0INC4> (not_in_channel).');
  });
});
