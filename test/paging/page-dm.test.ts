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
});
