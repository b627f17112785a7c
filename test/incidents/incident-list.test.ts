import { describe, expect, it } from 'vitest';
import { blocksTooLong, validateBlocks } from '../../sandbox/slack/block-kit-rules.ts';
import { buildIncidentList } from '../../src/incidents/incident-list.ts';
import { openIncident } from '../support/incident-fixtures.ts';

function texts(blocks: unknown[]): string {
  return blocks.map((block) => (block as { text?: { text: string } }).text?.text ?? '').join('\n');
}

describe('the open-incident list', () => {
  it('shows each incident with id, impact, status, who acknowledged, title and resource, worst impact first', () => {
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

  it('lists a storm as one line with its member count, and a 2 · High above newer 3 · Medium ones', () => {
    const list = buildIncidentList([
      openIncident({
        seq: 30,
        title: 'Storm: CPUUtilization alarms on 20 resources',
        openedAt: new Date('2026-11-22T10:00:00Z'),
        storm: {
          key: 'k',
          what: 'CPUUtilization alarms',
          members: Array.from({ length: 20 }, (_, i) => i + 10),
        },
      }),
      ...Array.from({ length: 20 }, (_, i) => openIncident({ seq: i + 10, stormSeq: 30 })),
      openIncident({ seq: 2, title: 'Checkout down', impact: 2, openedAt: new Date('2026-11-22T08:00:00Z') }),
    ]);
    const all = texts(list.blocks);
    expect(list.text).toBe('2 open incidents');
    expect(all).toContain('20 resources in this storm');
    expect(all.indexOf('*INC-2*')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('*INC-2*')).toBeLessThan(all.indexOf('*INC-30*'));
    expect(all).not.toContain('INC-10*');
  });

  it('marks a snoozed incident 💤 with the time its snooze ends, and only that one', () => {
    const until = new Date('2026-11-22T14:30:00Z');
    const list = buildIncidentList([
      openIncident({ seq: 4, snooze: { by: 'U0ALICE', at: new Date('2026-11-22T14:00:00Z'), until } }),
      openIncident({ seq: 5, openedAt: new Date('2026-11-22T08:00:00Z') }),
    ]);
    const [snoozed, other] = texts(list.blocks)
      .split('\n')
      .filter((line) => line.startsWith('• '));
    expect(snoozed).toContain(
      `*INC-4* · 3 · Medium · Open · 💤 until <!date^${until.getTime() / 1000}^{time}|14:30 UTC> · `,
    );
    expect(other).toContain('*INC-5*');
    expect(other).not.toContain('💤');
    expect(validateBlocks(list.blocks, 'message')).toEqual([]);
  });
});
