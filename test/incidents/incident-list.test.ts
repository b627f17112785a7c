import { describe, expect, it } from 'vitest';
import { blocksTooLong, validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import { buildIncidentList } from '../../src/incidents/incident-list.ts';
import { openIncident } from '../support/incident-fixtures.ts';

function texts(blocks: unknown[]): string {
  return blocks.map((block) => (block as { text?: { text: string } }).text?.text ?? '').join('\n');
}

describe('the open-incident list', () => {
  it('shows each incident with id, impact, status, who acknowledged, title and resource, in the given order', () => {
    const list = buildIncidentList([
      openIncident({ seq: 9, title: 'Newest', impact: 1 }),
      openIncident({
        seq: 3,
        title: 'Older <b>',
        status: 'acknowledged',
        acknowledgedBy: 'U0BOB',
        acknowledgedAt: new Date('2026-11-22T09:30:00Z'),
      }),
    ]);
    const all = texts(list.blocks);
    expect(list.text).toBe('2 open incidents');
    expect(all).toContain('*INC-9* · 1 · Critical · Open · Newest · `orders-db`');
    expect(all).toContain('*INC-3* · 3 · Medium · Acknowledged by <@U0BOB>');
    expect(all).toContain('Older &lt;b&gt;');
    expect(all.indexOf('INC-9')).toBeLessThan(all.indexOf('INC-3'));
    expect(validateBlocks(list.blocks, 'message')).toEqual([]);
  });

  it('says so when nothing is open', () => {
    expect(buildIncidentList([]).text).toBe('There is no open incident.');
  });

  it('counts what does not fit instead of breaking Slack limits', () => {
    const many = Array.from({ length: 400 }, (_, index) =>
      openIncident({ seq: 400 - index, title: 'y'.repeat(150) }),
    );
    const list = buildIncidentList(many);
    expect(validateBlocks(list.blocks, 'message')).toEqual([]);
    expect(blocksTooLong(list.blocks)).toBe(false);
    const all = texts(list.blocks);
    expect(all).toContain('*INC-400*');
    expect(all).toMatch(/… and \d+ more/);
  });
});
