import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { openRdsIncident } from '../support/rds-incidents.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

// warroom runs in 123456789012 with its own key (AKIDWARROOMTEST); staging-search is reached
// through a role guarded by an external id; sandbox names a role AWS will not hand out.
const ROLE = 'arn:aws:iam::210987654321:role/warroom';
const YAML = `${defaultYaml()}accounts:
  "123456789012": prod-payments
  "210987654321": {name: staging-search, roleArn: "${ROLE}", externalId: warroom-7f3a}
  "333333333333": {name: sandbox, roleArn: "arn:aws:iam::333333333333:role/warroom"}
`;

let harness: Harness;
let homeSeq: number;
let stagingSeq: number;
let sandboxSeq: number;

beforeAll(async () => {
  harness = await startHarness({ yaml: YAML });
  harness.aws.state.sts.addRole(ROLE, { externalId: 'warroom-7f3a' });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  harness.aws.state.rds.addInstance({ id: 'search-db' });
  homeSeq = await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-db' });
  stagingSeq = await openRdsIncident(harness, { kind: 'rds-instance', id: 'search-db' }, '210987654321');
  sandboxSeq = await openRdsIncident(harness, { kind: 'rds-instance', id: 'play-db' }, '333333333333');
});

afterAll(async () => {
  await harness.stop();
});

const lastDescribe = () => harness.aws.requestsTo('rds', 'DescribeDBInstances').at(-1);

describe("AWS calls for an incident in another account use that account's role", () => {
  it("signs an RDS status for the second account's incident with the assumed role's key", async () => {
    const { reply } = await runIncidentCommand(harness, `rds ${stagingSeq} status`);
    expect(reply.text).toContain('search-db');
    const [assumed] = harness.aws.requestsTo('sts', 'AssumeRole');
    expect(assumed?.input).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'warroom',
      ExternalId: 'warroom-7f3a',
    });
    expect(assumed?.accessKeyId).toBe('AKIDWARROOMTEST');
    const [issued] = [...harness.aws.state.sts.issued.values()];
    expect(issued?.roleArn).toBe(ROLE);
    expect(lastDescribe()).toMatchObject({ accessKeyId: issued?.accessKeyId, accountId: '210987654321' });
    // Its free storage is read from that account's CloudWatch too.
    const metrics = harness.aws.requestsTo('cloudwatch', 'GetMetricData');
    expect(metrics.map((call) => call.accessKeyId)).toEqual([issued?.accessKeyId]);
  });

  it("signs the home account's incident with warroom's own key", async () => {
    await runIncidentCommand(harness, `rds ${homeSeq} check`);
    expect(lastDescribe()).toMatchObject({ accessKeyId: 'AKIDWARROOMTEST', accountId: '123456789012' });
  });

  it('keeps the role credentials until they near expiry: a second read assumes no role again', async () => {
    await runIncidentCommand(harness, `rds ${stagingSeq} check`);
    expect(harness.aws.requestsTo('sts', 'AssumeRole')).toHaveLength(1);
    expect(lastDescribe()?.accessKeyId).toMatch(/^ASIA/);
  });

  it("takes a snapshot in the second account with the role's key", async () => {
    const { reply } = await runIncidentCommand(harness, `rds ${stagingSeq} snapshot`);
    expect(reply.text).toContain('search-db');
    const [create] = harness.aws.requestsTo('rds', 'CreateDBSnapshot');
    expect(create?.error).toBeUndefined();
    expect(create).toMatchObject({ accountId: '210987654321' });
    expect(create?.accessKeyId).toMatch(/^ASIA/);
  });

  it("draws an alarm's metric from the second account's CloudWatch with the role's key", async () => {
    const [alarm] = rdsCpuThenFailover({
      accountId: '210987654321',
      region: 'us-east-1',
      topicArn: TEST_TOPIC_ARN,
      at: new Date(),
    });
    const message = signedMessage(alarm!.message.replaceAll('orders-db', 'search-replica'), {
      subject: alarm!.subject,
    });
    expect((await harness.postSns(message.body)).status).toBe(200);
    await harness.warroom.settled();
    const [picture] = harness.aws.requestsTo('cloudwatch', 'GetMetricWidgetImage');
    expect(picture).toMatchObject({ accountId: '210987654321' });
    expect(picture?.accessKeyId).toMatch(/^ASIA/);
  });

  it('tells the person which role in which account AWS refused, and calls nothing there', async () => {
    const before = harness.aws.requestsTo('rds').length;
    const { reply } = await runIncidentCommand(harness, `rds ${sandboxSeq} status`);
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toContain(
      'AWS refused warroom the role arn:aws:iam::333333333333:role/warroom in account sandbox (333333333333) (AccessDenied)',
    );
    expect(harness.aws.requestsTo('rds')).toHaveLength(before);
  });
});
