import { describe, expect, it } from 'vitest';
import { deniedText } from '../../src/incidents/denied-text.ts';

describe('deniedText', () => {
  it('names the permission and where it is set when no team is involved', () => {
    expect(deniedText('triage')).toBe(
      "You do not have the `triage` permission for incidents (set by `permissions.triage` in warroom's config).",
    );
  });

  it("tells someone outside the owning team whose incident's runbooks these are", () => {
    const text = deniedText({
      permission: 'runbook',
      teams: ['payments'],
      incident: { seq: 7, team: 'payments' },
    });
    expect(text).toContain('Runbooks on INC-7 are for the payments team (@payments); you are not in it');
    expect(text).toContain('`permissions.runbook`');
  });

  it("tells a team's member that another team's incident is not theirs, naming its owner", () => {
    const text = deniedText({
      permission: 'resolve',
      teams: ['payments'],
      incident: { seq: 8, team: 'orders' },
    });
    expect(text).toContain('Resolving and reopening INC-8 is not yours: INC-8 is owned by the orders team');
    expect(text).toContain('the payments team (@payments)');
  });

  it('says an incident no route owns has no team, so team entries do not reach it', () => {
    const text = deniedText({ permission: 'page', teams: ['payments', 'orders'], incident: { seq: 9 } });
    expect(text).toContain('Paging people for INC-9 is not yours: no route gave INC-9 an owning team');
    expect(text).toContain('the payments team (@payments) or the orders team (@orders)');
  });

  it('says which team may declare when the person is in none of them', () => {
    expect(deniedText({ permission: 'declare', teams: ['payments'] })).toContain(
      'Declaring incidents is for the payments team (@payments); you are not in it',
    );
  });

  it('says which team a permission is for when no incident is named', () => {
    expect(deniedText({ permission: 'runbook', teams: ['payments'] })).toContain(
      'Runbooks are for the payments team (@payments); you are not in it',
    );
  });
});
