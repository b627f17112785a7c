import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.ts';
import { buildPageDm } from '../../src/paging/page-dm.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const reason = { kind: 'manual', by: 'U0CAROL' } as const;
const at = new Date('2026-11-22T09:10:00Z');
const dm = (overrides: Partial<Incident>) =>
  JSON.stringify(buildPageDm(openIncident(overrides), reason).blocks);

describe('the page DM', () => {
  it('offers Acknowledge and Take it while the incident is open', () => {
    const blocks = dm({});
    expect(blocks).toContain(ACTION_IDS.acknowledge);
    expect(blocks).toContain(ACTION_IDS.takeIncident);
  });

  it('drops its buttons for every status past open, saying who is behind it as the card does', () => {
    const cases: Array<[Partial<Incident>, string]> = [
      [{ status: 'acknowledged', acknowledgedBy: 'U0BOB', acknowledgedAt: at }, 'Acknowledged by <@U0BOB>'],
      [
        { status: 'mitigated', acknowledgedBy: 'U0BOB', acknowledgedAt: at, owner: 'U0ALICE' },
        'Mitigated by <@U0BOB> · owner <@U0ALICE>',
      ],
      [{ status: 'resolved', resolvedBy: 'U0BOB', resolvedAt: at }, '✅ Resolved by <@U0BOB>'],
    ];
    for (const [overrides, said] of cases) {
      const blocks = dm(overrides);
      expect(blocks).not.toContain(ACTION_IDS.acknowledge);
      expect(blocks).not.toContain(ACTION_IDS.takeIncident);
      expect(blocks).toContain(said);
    }
  });

  it("says a member's DM now shows its storm, with the storm's buttons", () => {
    const storm = openIncident({ seq: 6, storm: { key: 'k', what: 'CPUUtilization alarms', members: [1] } });
    const page = buildPageDm(storm, { kind: 'stage', policy: 'default', index: 0, repeat: false }, at, 1);
    expect(page.text.startsWith('INC-1 is now part of storm INC-6: You are paged for INC-6')).toBe(true);
    const blocks = JSON.stringify(page.blocks);
    expect(blocks).toContain('INC-1 is now part of storm INC-6');
    expect(blocks).toContain(ACTION_IDS.acknowledge);
    expect(blocks).toContain('\\"seq\\":6');
    expect(JSON.stringify(buildPageDm(storm, reason).blocks)).not.toContain('now part of storm');
  });

  it('offers Snooze 30 min on an acknowledged incident too, since reminders still run on it', () => {
    const acknowledged = { status: 'acknowledged', acknowledgedBy: 'U0BOB', acknowledgedAt: at } as const;
    const page = buildPageDm(openIncident(acknowledged), reason);
    const buttons = page.blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((element) => element.action_id) : [],
    );
    expect(buttons).toEqual([ACTION_IDS.joinIncident, ACTION_IDS.openIncident, ACTION_IDS.snoozeIncident]);
    expect(JSON.stringify(page.blocks)).toContain('Snooze 30 min');
    // Once it is mitigated there are no reminders left to pause.
    expect(dm({ ...acknowledged, status: 'mitigated' })).not.toContain(ACTION_IDS.snoozeIncident);
  });

  it('says a running snooze instead of offering another, open or acknowledged', () => {
    const snooze = { by: 'U0ALICE', at, until: new Date('2026-11-22T09:40:00Z') };
    const said = `💤 Snoozed until <!date^${snooze.until.getTime() / 1000}^{time}|09:40 UTC> by <@U0ALICE>`;
    for (const overrides of [
      { snooze },
      { snooze, status: 'acknowledged', acknowledgedBy: 'U0BOB', acknowledgedAt: at } as const,
    ]) {
      const blocks = dm(overrides);
      expect(blocks).toContain(said);
      expect(blocks).not.toContain(ACTION_IDS.snoozeIncident);
    }
    expect(dm({})).toContain(ACTION_IDS.snoozeIncident);
  });
});
