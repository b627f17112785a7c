import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { clickThreadButton, threadReplies } from '../support/runbook-interactions.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:warroom-alerts';

// Runbooks are for the payments team on its own incidents: the Slack user group @payments (Bob).
const YAML = `slack:
  alertChannel: ${ALERT_CHANNEL}
sns:
  topicArns: [${TOPIC}]
routes:
  - name: payments
    when: {tags: {team: payments}}
    channel: C0PAYMENTS
    team: payments
permissions:
  runbook: [team:payments]
`;

const members = ['U0WARBOT', 'U0ALICE', 'U0BOB', 'U0CAROL'];
const clock = new ManualClock(new Date());
let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

beforeAll(async () => {
  harness = await startHarness({
    clock,
    yaml: YAML,
    slackWorkspace: {
      channels: [
        { id: ALERT_CHANNEL, name: 'alerts', members },
        { id: 'C0PAYMENTS', name: 'payments-alerts', members },
      ],
      usergroups: [
        { id: 'S0SRE', handle: 'sre', users: ['U0ALICE'] },
        { id: 'S0PAYMENTS', handle: 'payments', users: ['U0BOB'] },
      ],
    },
  });
  harness.aws.state.rds.addInstance({ id: 'ledger-db', tags: { team: 'payments' } });
  harness.aws.state.rds.addInstance({ id: 'inventory-db' });
  clicker = cardClicker(harness);
});

afterAll(async () => {
  await harness.stop();
});

/** The CPU alarm of the orders-db scenario, about another database; returns its incident. */
async function alarm(database: string) {
  const [step] = rdsCpuThenFailover({
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TOPIC,
    at: clock.now(),
  });
  const { body } = signedMessage((step?.message ?? '').replaceAll('orders-db', database), {
    subject: step?.subject,
    topicArn: TOPIC,
  });
  expect((await harness.postSns(body)).status).toBe(200);
  await harness.warroom.settled();
  const incident = (await harness.warroom.store.listOpenIncidents()).find(
    (open) => open.resource?.id === database,
  );
  if (!incident) throw new Error(`no incident about ${database}`);
  return incident;
}

const startsOn = (database: string) =>
  harness.aws
    .requestsTo('ssm', 'StartAutomationExecution')
    .filter((request) => JSON.stringify(request.input).includes(database));

describe('permissions.runbook: [team:payments], through the real app', () => {
  it('refuses a runbook on a payments incident to someone outside the payments team, saying why', async () => {
    const incident = await alarm('ledger-db');
    expect(incident.route?.team).toBe('payments');
    const { reply } = await runIncidentCommand(harness, `runbook INC-${incident.seq} reboot-instance`, {
      userId: 'U0ALICE',
    });
    expect(reply.text).toContain(
      `Runbooks on INC-${incident.seq} are for the payments team (@payments); you are not in it`,
    );
    expect(startsOn('ledger-db')).toEqual([]);
  });

  it('runs it for a member of the payments team', async () => {
    const incident = await alarm('ledger-db');
    const { reply } = await runIncidentCommand(harness, `runbook INC-${incident.seq} reboot-instance`, {
      userId: 'U0BOB',
    });
    expect(reply.text).toContain('AWS-RebootRdsInstance is running');
    expect(startsOn('ledger-db')).toHaveLength(1);
    expect(startsOn('ledger-db')[0]?.input).toMatchObject({ Parameters: { InstanceId: ['ledger-db'] } });
  });

  it("refuses the card's Run runbook and the run's Stop to someone outside the team, before anything opens or stops", async () => {
    const incident = await alarm('ledger-db');
    const card = clicker.card(incident.seq, 'C0PAYMENTS');
    const run = await clicker.click(card, 'U0ALICE', ACTION_IDS.runRunbook);
    await clicker.settled();
    expect(clicker.replies(run.responseUrl).join('\n')).toContain(
      `Runbooks on INC-${incident.seq} are for the payments team (@payments); you are not in it`,
    );
    expect(harness.slack.views('U0ALICE')).toEqual([]);

    const [running] = threadReplies(harness, 'C0PAYMENTS', card.ts).filter((message) =>
      message.text.startsWith('Runbook '),
    );
    const stop = await clickThreadButton(harness, running!, 'U0ALICE', ACTION_IDS.runbookStop);
    await clicker.settled();
    expect(
      harness.slack
        .responses(stop.responseUrl)
        .map((reply) => reply.text)
        .join('\n'),
    ).toContain('you are not in it');
    expect(harness.aws.requestsTo('ssm', 'StopAutomationExecution')).toEqual([]);
  });

  it('refuses the payments team on an incident no route gave a team, and says it has none', async () => {
    const incident = await alarm('inventory-db');
    expect(incident.route).toBeUndefined();
    const { reply } = await runIncidentCommand(harness, `runbook INC-${incident.seq} reboot-instance`, {
      userId: 'U0BOB',
    });
    expect(reply.text).toContain(`no route gave INC-${incident.seq} an owning team`);
    expect(startsOn('inventory-db')).toEqual([]);
  });
});
