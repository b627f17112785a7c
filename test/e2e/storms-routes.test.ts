import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { ManualClock } from '../../src/clock.ts';
import { tickEscalation } from '../support/escalation-harness.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

// Three alike signals make a storm here; two teams' databases alarm at once.
const YAML = `slack:
  alertChannel: ${ALERT_CHANNEL}
sns:
  topicArns: [${TEST_TOPIC_ARN}]
storms:
  threshold: 3
escalation:
  default: [{after: 0s, notify: [U0ALICE]}]
  payments: [{after: 0s, notify: [U0BOB]}]
routes:
  - name: payments
    when: {tags: {team: payments}}
    channel: C0PAYMENTS
    policy: payments
    team: payments
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
      ],
    },
  });
  for (const id of ['ledger-db', 'wallet-db', 'refunds-db']) {
    harness.aws.state.rds.addInstance({ id, tags: { team: 'payments' } });
  }
  for (const id of ['cart-db', 'stock-db'])
    harness.aws.state.rds.addInstance({ id, tags: { team: 'checkout' } });
});

afterAll(async () => {
  await harness.stop();
});

/** The same CPU alarm as the orders-db scenario's, about `database` (one account, one Region). */
async function cpuAlarm(database: string) {
  const [step] = rdsCpuThenFailover({
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TEST_TOPIC_ARN,
    at: clock.now(),
  });
  const { body } = signedMessage((step?.message ?? '').replaceAll('orders-db', database), {
    subject: step?.subject,
  });
  expect((await harness.postSns(body)).status).toBe(200);
  await tickEscalation(harness);
}

const openIncidents = () => harness.warroom.store.listOpenIncidents();
const cardsIn = (channel: string) => harness.slack.messages(channel).filter((message) => !message.thread_ts);

describe('storms and routes', () => {
  it('makes no storm of four alike alarms split two and two across routes', async () => {
    for (const database of ['ledger-db', 'cart-db', 'wallet-db', 'stock-db']) await cpuAlarm(database);
    const open = await openIncidents();
    expect(open.map((incident) => incident.resource?.id).sort()).toEqual([
      'cart-db',
      'ledger-db',
      'stock-db',
      'wallet-db',
    ]);
    expect(open.filter((incident) => incident.storm || incident.stormSeq !== undefined)).toEqual([]);
  });

  it("forms a storm of the payments route's three, in its channel, leaving the other route's two alone", async () => {
    await cpuAlarm('refunds-db');
    const open = await openIncidents();
    const storm = open.find((incident) => incident.storm);
    expect(storm?.route).toMatchObject({ name: 'payments', channel: 'C0PAYMENTS', team: 'payments' });
    const inStorm = open.filter((incident) => incident.stormSeq === storm?.seq);
    expect(inStorm.map((incident) => incident.resource?.id).sort()).toEqual([
      'ledger-db',
      'refunds-db',
      'wallet-db',
    ]);
    for (const database of ['cart-db', 'stock-db']) {
      expect(open.find((incident) => incident.resource?.id === database)?.stormSeq).toBeUndefined();
    }
    expect(cardsIn('C0PAYMENTS').filter((card) => card.text.startsWith(`INC-${storm?.seq} `))).toHaveLength(
      1,
    );
    expect(cardsIn(ALERT_CHANNEL).some((card) => card.text.startsWith(`INC-${storm?.seq} `))).toBe(false);
  });
});
