import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const HOME = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${HOME}:warroom-alerts`;
const LEDGER_ARN = `arn:aws:rds:us-east-1:${HOME}:db:ledger-db`;

const YAML = `slack:
  alertChannel: ${ALERT_CHANNEL}
sns:
  topicArns: [${TOPIC}]
escalation:
  default: [{after: 0s, notify: [U0ALICE]}]
  payments: [{after: 0s, notify: [U0BOB]}]
routes:
  - name: failovers
    when: {signal: "rds-event:failover", impactAtMost: 2}
    channel: C0DBA00001
  - name: payments
    when: {tags: {team: payments}}
    channel: C0PAYMENTS
    policy: payments
    team: payments
`;

const members = ['U0WARBOT', 'U0ALICE', 'U0BOB'];
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    clock: new ManualClock(new Date()),
    yaml: YAML,
    slackWorkspace: {
      channels: [
        { id: ALERT_CHANNEL, name: 'alerts', members },
        { id: 'C0PAYMENTS', name: 'payments-alerts', members },
        { id: 'C0DBA00001', name: 'dba', members },
      ],
    },
  });
  harness.aws.state.rds.addInstance({ id: 'ledger-db', tags: { team: 'payments', env: 'prod' } });
  harness.aws.state.rds.addInstance({ id: 'inventory-db', tags: { team: 'warehouse' } });
});

afterAll(async () => {
  await harness.stop();
});

describe('/incident route', () => {
  it('answers, for a database named alone, the tag route with its channel, policy and team, and the tags read', async () => {
    const { reply } = await runIncidentCommand(harness, 'route ledger-db', { userId: 'U0BOB' });
    expect(reply.responseType).toBe('ephemeral');
    const lines = (reply.text ?? '').split('\n');
    expect(lines[0]).toContain(
      `\`ledger-db\` is an RDS DB instance in warroom's account and Region (us-east-1, account ${HOME})`,
    );
    expect(lines).toContain(
      `\`ledger-db\` (rds-instance) · ${HOME} · us-east-1 · signal \`cloudwatch-alarm:ALARM\` · impact 3 · tags \`team=payments\`, \`env=prod\``,
    );
    expect(lines).toContain('→ `payments`: channel <#C0PAYMENTS>, policy `payments`, team `payments`');
    expect(lines).toContain('  because tags team=payments');
    expect(lines).toContain(
      '  not `failovers`: signal cloudwatch-alarm:ALARM does not match rds-event:failover',
    );
    expect(lines).toContain(`Tags read with ListTagsForResource on \`${LEDGER_ARN}\`.`);
  });

  it('sends a failover of the same database, by ARN, to the failover route at the impact the policy gives it', async () => {
    const { reply } = await runIncidentCommand(harness, `route ${LEDGER_ARN} signal=rds-event:failover`);
    expect(reply.text).toContain('impact 2, what the signal policy gives `rds-event:failover`');
    expect(reply.text).toContain(
      '→ `failovers`: channel <#C0DBA00001>, the policy escalationRules pick, no owning team',
    );
  });

  it('sends a database no route takes to the alert channel, saying why each route missed', async () => {
    const { reply } = await runIncidentCommand(harness, 'route inventory-db impact=1');
    expect(reply.text).toContain(`→ no route matches: the alert channel <#${ALERT_CHANNEL}>`);
    expect(reply.text).toContain('not `payments`: tag team is warehouse, not payments');
  });

  it('says RDS has no such database, with the usage', async () => {
    const { reply } = await runIncidentCommand(harness, 'route billing-db');
    expect(reply.text).toContain("RDS in us-east-1 (warroom's Region) has no DB instance `billing-db`.");
    expect(reply.text).toContain('Usage: `/incident route <resource or ARN> [signal=<type>] [impact=<1-5>]`');
  });

  it.each([
    ['route', 'Name what to route'],
    ['route arn:aws:sqs:us-east-1:123456789012:orders', 'not sqs ARNs'],
    ['route arn:aws:rds:us-east-1:orders-db', 'is not a well-formed ARN'],
    ['route ledger-db impact=9', '`9` is not an impact'],
  ])('answers %j with the problem and the usage', async (text, problem) => {
    const { reply } = await runIncidentCommand(harness, text);
    expect(reply.text).toContain(problem);
    expect(reply.text).toContain('Usage: `/incident route <resource or ARN> [signal=<type>] [impact=<1-5>]`');
  });

  it('is listed in help', async () => {
    const { reply } = await runIncidentCommand(harness, 'help');
    expect(reply.text).toContain('`/incident route <resource or ARN> [signal=<type>] [impact=<1-5>]`');
  });
});
