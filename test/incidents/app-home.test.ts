import { describe, expect, it } from 'vitest';
import { validateView } from '../../sandbox/slack/view-rules.ts';
import { buildAppHome, formatAge, MAX_HOME_BLOCKS } from '../../src/incidents/app-home.ts';
import { VIEW_IDS } from '../../src/slack/ids.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const now = new Date('2026-11-22T11:05:00Z');

function texts(view: ReturnType<typeof buildAppHome>): string[] {
  return view.blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('formatAge', () => {
  it('says how long ago, to the minute', () => {
    expect(formatAge(new Date('2026-11-22T11:04:30Z'), now)).toBe('just now');
    expect(formatAge(new Date('2026-11-22T10:58:00Z'), now)).toBe('7m ago');
    expect(formatAge(new Date('2026-11-22T09:00:00Z'), now)).toBe('2h 5m ago');
    expect(formatAge(new Date('2026-11-19T07:00:00Z'), now)).toBe('3d 4h ago');
    expect(formatAge(new Date('2026-11-22T12:00:00Z'), now)).toBe('just now');
  });
});

describe('buildAppHome', () => {
  it('lists each open incident with impact, age, status, who acknowledged and the resource', () => {
    const view = buildAppHome({
      incidents: [
        openIncident({ seq: 3, openedAt: new Date('2026-11-22T09:00:00Z') }),
        openIncident({
          seq: 4,
          title: 'Failover on billing-db',
          impact: 2,
          status: 'acknowledged',
          acknowledgedBy: 'U0ALICE',
          openedAt: new Date('2026-11-22T10:50:00Z'),
          acknowledgedAt: new Date('2026-11-22T10:57:30Z'),
          channelId: 'C0INC4',
        }),
      ],
      now,
      alertChannel: 'C0ALERTS',
    });
    expect(view).toMatchObject({ type: 'home', callback_id: VIEW_IDS.appHome });
    const [newest, older] = texts(view);
    expect(newest).toContain('*INC-4* Failover on billing-db');
    expect(newest).toContain('🟠 Impact 2 (High) · Acknowledged · acknowledged by <@U0ALICE> in 7 min');
    expect(newest).toContain('opened 15m ago');
    expect(newest).toContain('<#C0INC4>');
    expect(older).toContain('🟡 Impact 3 (Medium) · Open · not acknowledged yet');
    expect(older).toContain('opened 2h 5m ago');
    expect(older).toMatch(/<https:\/\/[^|]+\|orders-db>/);
    expect(validateView(view, 'home')).toEqual([]);
  });

  it('shows an empty state naming the alert channel', () => {
    const view = buildAppHome({ incidents: [], now, alertChannel: 'C0ALERTS' });
    expect(texts(view).join('\n')).toContain('No open incidents');
    expect(texts(view).join('\n')).toContain('<#C0ALERTS>');
    expect(validateView(view, 'home')).toEqual([]);
  });

  it('stays within 100 blocks, newest first, and counts the incidents left out', () => {
    const incidents = Array.from({ length: 120 }, (_, index) =>
      openIncident({ seq: index + 1, openedAt: new Date(now.getTime() - (120 - index) * 60_000) }),
    );
    const view = buildAppHome({ incidents, now, alertChannel: 'C0ALERTS' });
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
    const shown = texts(view);
    expect(shown[0]).toContain('*INC-120*');
    expect(shown).toHaveLength(48);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('and 72 more open incidents');
    expect(validateView(view, 'home')).toEqual([]);
  });

  it('escapes titles so an alarm name cannot inject mentions', () => {
    const view = buildAppHome({
      incidents: [openIncident({ title: '<!channel> & friends' })],
      now,
      alertChannel: 'C0ALERTS',
    });
    expect(texts(view)[0]).toContain('&lt;!channel&gt; &amp; friends');
  });

  it('puts a 2 · High above newer 3 · Medium incidents, and shows a storm as one line with its count', () => {
    const high = openIncident({ seq: 1, impact: 2, openedAt: new Date(now.getTime() - 3_600_000) });
    const storm = openIncident({
      seq: 2,
      impact: 3,
      title: 'Storm: CPUUtilization alarms on 2 resources',
      storm: { key: 'k', what: 'CPUUtilization alarms', members: [3, 4] },
    });
    const members = [3, 4].map((seq) => openIncident({ seq, impact: 3, stormSeq: 2 }));
    const shown = texts(
      buildAppHome({ incidents: [storm, ...members, high], now, alertChannel: 'C0ALERTS' }),
    );
    expect(shown.filter((text) => text.startsWith('*INC-'))).toHaveLength(2);
    expect(shown[0]).toContain('*INC-1*');
    expect(shown[1]).toContain('*INC-2*');
    expect(shown[1]).toContain('2 resources in this storm');
  });

  it('marks a snoozed incident with who snoozed it and until when, on its status line', () => {
    const until = new Date('2026-11-22T11:30:00Z');
    const view = buildAppHome({
      incidents: [
        openIncident({ seq: 1, snooze: { by: 'U0ALICE', at: now, until } }),
        openIncident({ seq: 2, openedAt: new Date(now.getTime() - 60_000) }),
      ],
      now,
      alertChannel: 'C0ALERTS',
    });
    const [newer, older] = texts(view);
    expect(older).toContain(
      `Open · not acknowledged yet · 💤 snoozed until <!date^${until.getTime() / 1000}^{time}|11:30 UTC> by <@U0ALICE>`,
    );
    expect(newer).toContain('*INC-2*');
    expect(newer).not.toContain('💤');
    expect(validateView(view, 'home')).toEqual([]);
  });
});
