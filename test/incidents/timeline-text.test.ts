import { describe, expect, it } from 'vitest';
import { blocksTooLong, validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import type { TimelineEntry } from '../../src/incidents/incident.ts';
import { buildTimelineMessage, timelineLine } from '../../src/incidents/timeline-text.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const at = new Date('2026-11-22T09:10:00Z');

function texts(blocks: unknown[]): string {
  return blocks.map((block) => (block as { text?: { text: string } }).text?.text ?? '').join('\n');
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

  it('cuts a long timeline from the oldest end, says how many were left out, and stays within Slack limits', () => {
    const entries: TimelineEntry[] = Array.from({ length: 600 }, (_, index) => ({
      at: new Date(at.getTime() + index * 1000),
      kind: 'note',
      actor: 'U0ALICE',
      text: `note number ${index} ${'x'.repeat(index === 599 ? 5000 : 40)}`,
    }));
    const message = buildTimelineMessage(openIncident(), entries);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(blocksTooLong(message.blocks)).toBe(false);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const all = texts(message.blocks);
    const dropped = Number(/… (\d+) earlier entries/.exec(all)?.[1]);
    expect(dropped).toBeGreaterThan(0);
    expect(all).toContain('note number 599');
    expect(all).not.toContain('note number 0 ');
    // What is shown is exactly the newest entries: none missing between the cut and the end.
    expect(all).toContain(`note number ${dropped} `);
    expect(all).not.toContain(`note number ${dropped - 1} `);
  });
});
