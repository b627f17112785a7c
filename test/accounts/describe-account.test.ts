import { describe, expect, it } from 'vitest';
import type { Accounts } from '../../src/accounts/index.ts';
import { describeAccount, nameAccount } from '../../src/accounts/index.ts';
import { buildAppHome } from '../../src/incidents/app-home.ts';
import { buildIncidentCard } from '../../src/incidents/incident-card.ts';
import { buildIncidentList } from '../../src/incidents/incident-list.ts';
import { buildIncidentSummary } from '../../src/incidents/incident-summary.ts';
import { buildPageDm } from '../../src/paging/page-dm.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const accounts: Accounts = {
  '123456789012': { name: 'prod-payments', stage: 'prod' },
  '210987654321': { name: 'search <eu>' },
};

/** Every text of a message, its blocks included, as one string. */
function allText(message: unknown): string {
  return JSON.stringify(message);
}

describe('describeAccount', () => {
  it('names a configured account with its Region: prod-payments (us-east-1)', () => {
    expect(describeAccount({ accountId: '123456789012', region: 'us-east-1' }, accounts)).toBe(
      'prod-payments (us-east-1)',
    );
  });

  it('shows the id of an account nobody named', () => {
    expect(describeAccount({ accountId: '999999999999', region: 'eu-west-1' }, accounts)).toBe(
      '999999999999 (eu-west-1)',
    );
    expect(nameAccount('999999999999', accounts)).toBe('999999999999');
  });

  it('shows only what is known, and nothing for a declared incident', () => {
    expect(describeAccount({ accountId: '123456789012' }, accounts)).toBe('prod-payments');
    expect(describeAccount({ region: 'us-east-1' }, accounts)).toBe('us-east-1');
    expect(describeAccount({}, accounts)).toBeUndefined();
  });
});

describe('the account, the same words everywhere', () => {
  const incident = openIncident();
  const where = 'prod-payments (us-east-1)';

  it('is on the card, /incident show, the list, App Home and the page DM', () => {
    const messages = {
      card: buildIncidentCard(incident, { defaultRegion: 'us-east-1', accounts }),
      show: buildIncidentSummary(incident, [], { defaultRegion: 'us-east-1', accounts }),
      list: buildIncidentList([incident], accounts),
      home: buildAppHome({ incidents: [incident], now: new Date(), alertChannel: 'C0ALERTS', accounts }),
      dm: buildPageDm(incident, { kind: 'manual', by: 'U0ALICE' }, new Date(), undefined, accounts),
      helpDm: buildPageDm(
        { ...incident, status: 'acknowledged', acknowledgedBy: 'U0BOB' },
        {
          kind: 'manual',
          by: 'U0ALICE',
        },
        new Date(),
        undefined,
        accounts,
      ),
    };
    for (const [place, message] of Object.entries(messages)) {
      expect(allText(message), place).toContain(where);
      expect(allText(message), place).not.toContain('123456789012 ');
    }
  });

  it("names a storm card's account once, in its Account field", () => {
    const storm = openIncident({
      seq: 9,
      storm: { key: '123456789012:us-east-1:metric:AWS/RDS:CPUUtilization', what: 'CPU', members: [7] },
    });
    const card = buildIncidentCard(storm, { defaultRegion: 'us-east-1', accounts, members: [incident] });
    const text = allText(card.blocks);
    expect(text).toContain(`*Account*\\n${where}`);
    expect(text.split(where)).toHaveLength(2);
  });

  it('escapes a name so it cannot format the message', () => {
    const card = buildIncidentCard(openIncident({ accountId: '210987654321' }), {
      defaultRegion: 'us-east-1',
      accounts,
    });
    expect(allText(card.blocks)).toContain('search &lt;eu&gt; (us-east-1)');
  });
});
