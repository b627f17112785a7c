import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { ManualClock } from '../../src/clock.ts';
import { dmsTo, tickEscalation } from '../support/escalation-harness.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const HOME = '123456789012';
const SEARCH_ACCOUNT = '210987654321';
const STAGING_ACCOUNT = '333333333333';
const topicIn = (account: string) => `arn:aws:sns:us-east-1:${account}:warroom-alerts`;

const YAML = `slack:
  alertChannel: ${ALERT_CHANNEL}
sns:
  topicArns: [${topicIn(HOME)}, ${topicIn(SEARCH_ACCOUNT)}, ${topicIn(STAGING_ACCOUNT)}]
accounts:
  "${HOME}": {name: prod-payments, stage: prod}
  "${SEARCH_ACCOUNT}": {name: prod-search, stage: prod}
  "${STAGING_ACCOUNT}": {name: shared-staging, stage: staging}
escalation:
  default: [{after: 0s, notify: [U0ALICE]}]
  payments: [{after: 0s, notify: [U0BOB]}]
routes:
  - name: payments
    when: {tags: {team: payments}}
    channel: C0PAYMENTS
    policy: payments
    team: payments
  - name: search
    when: {account: prod-search}
    channel: C0SEARCH01
    team: search
  - name: staging
    when: {stage: staging}
    channel: C0STAGING1
`;

const members = ['U0WARBOT', 'U0ALICE', 'U0BOB', 'U0CAROL'];
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    clock,
    yaml: YAML,
    slackWorkspace: {
      channels: [
        { id: ALERT_CHANNEL, name: 'alerts', members },
        { id: 'C0PAYMENTS', name: 'payments-alerts', members },
        { id: 'C0SEARCH01', name: 'search-alerts', members },
        { id: 'C0STAGING1', name: 'staging-alerts', members },
      ],
    },
  });
  harness.aws.state.rds.addInstance({ id: 'ledger-db', tags: { team: 'payments' } });
  harness.aws.state.rds.addInstance({ id: 'inventory-db', tags: { team: 'warehouse' } });
});

afterAll(async () => {
  await harness.stop();
});

/** The CPU alarm of the orders-db scenario, about another database in another account. */
async function alarm(database: string, account: string) {
  const [step] = rdsCpuThenFailover({
    accountId: account,
    region: 'us-east-1',
    topicArn: topicIn(account),
    at: clock.now(),
  });
  const { body } = signedMessage((step?.message ?? '').replaceAll('orders-db', database), {
    subject: step?.subject,
    topicArn: topicIn(account),
  });
  const posted = await harness.postSns(body);
  expect(posted.status).toBe(200);
  await harness.warroom.settled();
  await tickEscalation(harness);
}

const cardsIn = (channel: string) => harness.slack.messages(channel).filter((message) => !message.thread_ts);
const incidentAbout = async (database: string) =>
  (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.resource?.id === database);

describe('routes', () => {
  it('sends a database tagged team=payments to the payments channel, with the payments policy and team', async () => {
    await alarm('ledger-db', HOME);
    const incident = await incidentAbout('ledger-db');
    expect(incident?.route).toEqual({
      name: 'payments',
      channel: 'C0PAYMENTS',
      policy: 'payments',
      team: 'payments',
    });
    const [card] = cardsIn('C0PAYMENTS');
    expect(card?.text).toContain('ledger-db');
    expect(JSON.stringify(card?.blocks)).toContain('*Team*\\npayments');
    // The payments policy pages Bob, in the card's thread in the payments channel, not Alice.
    expect(dmsTo(harness, 'U0BOB').some((dm) => dm.text.includes(`INC-${incident?.seq}`))).toBe(true);
    expect(dmsTo(harness, 'U0ALICE').some((dm) => dm.text.includes(`INC-${incident?.seq}`))).toBe(false);
    const thread = harness.slack.messages('C0PAYMENTS').filter((message) => message.thread_ts === card?.ts);
    expect(thread.some((message) => message.text.includes('<@U0BOB>'))).toBe(true);
    expect(cardsIn(ALERT_CHANNEL).some((message) => message.text.includes('ledger-db'))).toBe(false);
  });

  it("sends another account's database to the search channel by the account's name, and says tags could not be read", async () => {
    await alarm('search-db', SEARCH_ACCOUNT);
    const incident = await incidentAbout('search-db');
    expect(incident?.route).toMatchObject({ name: 'search', channel: 'C0SEARCH01', team: 'search' });
    // warroom's role reads tags in its own account only: the tag route was passed over, visibly.
    expect(incident?.route?.tagsUnavailable).toBeTruthy();
    const [card] = cardsIn('C0SEARCH01');
    expect(card?.text).toContain('search-db');
    expect(JSON.stringify(card?.blocks)).toContain("Routed without the resource's tags");
    // No policy on the route: escalationRules (here: default) pick, which pages Alice.
    expect(dmsTo(harness, 'U0ALICE').some((dm) => dm.text.includes(`INC-${incident?.seq}`))).toBe(true);
  });

  it("sends a third account's database to the staging channel by its account's stage, named on the card", async () => {
    await alarm('scratch-db', STAGING_ACCOUNT);
    const incident = await incidentAbout('scratch-db');
    expect(incident?.route).toMatchObject({ name: 'staging', channel: 'C0STAGING1' });
    const [card] = cardsIn('C0STAGING1');
    expect(card?.text).toContain('scratch-db');
    expect(JSON.stringify(card?.blocks)).toContain('shared-staging (us-east-1)');
  });

  it('sends what no route takes to the alert channel with the default policy', async () => {
    await alarm('inventory-db', HOME);
    const incident = await incidentAbout('inventory-db');
    expect(incident?.route).toBeUndefined();
    expect(cardsIn(ALERT_CHANNEL).some((message) => message.text.includes('inventory-db'))).toBe(true);
    expect(cardsIn('C0PAYMENTS').some((message) => message.text.includes('inventory-db'))).toBe(false);
  });
});
