import { describe, expect, it } from 'vitest';
import { blocksTooLong, validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import type { TimelineEntry } from '../../src/incidents/incident.ts';
import { buildTimelineMessage, timelineLine } from '../../src/incidents/timeline-text.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const at = new Date('2026-11-22T09:10:00Z');

function texts(blocks: unknown[]): string {
  // Sections and context lines alike.
  return blocks
    .map((block) => {
      const { text, elements } = block as { text?: { text: string }; elements?: Array<{ text: string }> };
      return text?.text ?? elements?.map((element) => element.text).join(' ') ?? '';
    })
    .join('\n');
}

describe('a timeline line', () => {
  it('shows time, the Slack user as a mention, what happened and from → to', () => {
    const line = timelineLine({
      at,
      kind: 'impact',
      actor: 'U0ALICE',
      text: 'set the impact to 2 (High)',
      from: '3',
      to: '2',
    });
    expect(line).toBe(
      '• <!date^1795338600^{date_short_pretty} {time}|2026-11-22T09:10:00.000Z> · <@U0ALICE> · set the impact to 2 (High) (3 → 2)',
    );
  });

  it('names the AWS source for signals and escapes what AWS wrote', () => {
    const line = timelineLine({
      at,
      kind: 'signal',
      actor: 'aws:cloudwatch-alarm',
      text: 'CPU > 80 <!channel>',
    });
    expect(line).toContain('AWS cloudwatch-alarm · CPU &gt; 80 &lt;!channel&gt;');
    expect(line).not.toContain('<!channel>');
  });

  it('keeps a multi-line note on one line', () => {
    expect(timelineLine({ at, kind: 'note', actor: 'U0BOB', text: 'one\n\ntwo' })).toContain('one two');
  });
});

describe('the timeline message', () => {
  it('lists every entry oldest first under a heading that counts them', () => {
    const entries: TimelineEntry[] = [
      { at, kind: 'opened', actor: 'aws:cloudwatch-alarm', text: 'opened the incident' },
      {
        at,
        kind: 'status',
        actor: 'U0ALICE',
        text: 'acknowledged the incident',
        from: 'open',
        to: 'acknowledged',
      },
    ];
    const message = buildTimelineMessage(openIncident(), entries);
    const all = texts(message.blocks);
    expect(all).toContain('*Timeline of INC-7*');
    expect(all).toContain('2 entries');
    expect(all.indexOf('opened the incident')).toBeLessThan(all.indexOf('acknowledged the incident'));
    expect(all).toContain('(open → acknowledged)');
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
  });

  it('says when nothing is recorded', () => {
    expect(texts(buildTimelineMessage(openIncident(), []).blocks)).toContain('Nothing recorded yet');
  });

  it('pages a long timeline: the newest page by default, each page within Slack limits, none lost', () => {
    const entries: TimelineEntry[] = Array.from({ length: 600 }, (_, index) => ({
      at: new Date(at.getTime() + index * 1000),
      kind: 'note',
      actor: 'U0ALICE',
      text: `note number ${index} ${'x'.repeat(index === 599 ? 5000 : 40)}`,
    }));
    const newest = buildTimelineMessage(openIncident(), entries);
    const pages = Number(/Page (\d+) of (\d+)/.exec(texts(newest.blocks))?.[2]);
    expect(pages).toBeGreaterThan(1);
    expect(texts(newest.blocks)).toContain(`Page ${pages} of ${pages}`);
    expect(texts(newest.blocks)).toContain('`/incident timeline INC-7 <page>`');
    expect(texts(newest.blocks)).toContain('note number 599');
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const message = buildTimelineMessage(openIncident(), entries, { page });
      expect(validateBlocks(message.blocks, 'message')).toEqual([]);
      expect(blocksTooLong(message.blocks)).toBe(false);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      seen.push(...[...texts(message.blocks).matchAll(/note number (\d+) /g)].map((match) => match[1] ?? ''));
    }
    // Every entry on exactly one page, oldest first.
    expect(seen).toEqual(entries.map((_, index) => String(index)));
  });

  it('says there is no such page and shows the last one', () => {
    const entries: TimelineEntry[] = Array.from({ length: 300 }, (_, index) => ({
      at,
      kind: 'note',
      actor: 'U0ALICE',
      text: `entry ${index} ${'y'.repeat(80)}`,
    }));
    const all = texts(buildTimelineMessage(openIncident(), entries, { page: 99 }).blocks);
    expect(all).toContain('There is no page 99.');
    expect(all).toContain('entry 299 ');
  });
});

describe('people on the timeline', () => {
  it('renders mentions people wrote as mentions, and escapes everything else they wrote', () => {
    const line = timelineLine({
      at,
      kind: 'annotation',
      actor: 'U0ALICE',
      text: 'paged <@U0BOB> and <!subteam^S0SRE|@sre> <!channel> a<b & <https://evil.example|click>',
    });
    expect(line).toContain(
      'paged <@U0BOB> and <!subteam^S0SRE> &lt;!channel&gt; a&lt;b &amp; &lt;https://evil.example|click&gt;',
    );
  });

  it('renders the people warroom itself paged as mentions, not as raw ids', () => {
    const line = timelineLine({
      at,
      kind: 'annotation',
      actor: 'warroom',
      text: 'paged <@U0BOB>, <!subteam^S0SRE>',
    });
    expect(line).toContain('warroom · paged <@U0BOB>, <!subteam^S0SRE>');
    expect(line).not.toContain('&lt;');
  });

  it('escapes a mention an AWS source wrote', () => {
    const line = timelineLine({ at, kind: 'signal', actor: 'aws:cloudwatch-alarm', text: 'ping <@U0BOB>' });
    expect(line).toContain('ping &lt;@U0BOB&gt;');
  });
});

describe('a long entry', () => {
  const long = `${'word '.repeat(1000)}the end`;

  it('is cut, says how long it is and that the note is whole in the card thread, linked', () => {
    const line = timelineLine(
      { at, kind: 'note', actor: 'U0ALICE', text: long },
      { threadLink: 'https://slack.example/archives/C0ALERTS/p1' },
    );
    expect(line).not.toContain('the end');
    expect(line).toContain(
      `… _(${long.length.toLocaleString('en-US')} characters; <https://slack.example/archives/C0ALERTS/p1|whole in the card's thread>)_`,
    );
    expect(line.length).toBeLessThan(1000);
  });

  it('says it was cut when it is not a note', () => {
    const line = timelineLine({ at, kind: 'annotation', actor: 'U0ALICE', text: long });
    expect(line).toContain(`_(cut: ${long.length.toLocaleString('en-US')} characters in all)_`);
  });
});
