import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardThread, openRdsIncident } from '../support/rds-incidents.ts';
import { clickThreadButton } from '../support/runbook-interactions.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// warroom runs in 123456789012 (us-east-1) with its own key (AKIDWARROOMTEST). staging-search is
// reached through a role and runs runbooks with its own automation role; sandbox has a role but
// no automation role. Their databases are in eu-west-1, which the emulator keeps apart.
const ROLE = 'arn:aws:iam::210987654321:role/warroom';
const AUTOMATION_ROLE = 'arn:aws:iam::210987654321:role/warroom-automation';
const SANDBOX_ROLE = 'arn:aws:iam::333333333333:role/warroom';
const YAML = `${defaultYaml()}accounts:
  "123456789012": prod-payments
  "210987654321":
    name: staging-search
    roleArn: "${ROLE}"
    externalId: warroom-7f3a
    automationRoleArn: "${AUTOMATION_ROLE}"
  "333333333333": {name: sandbox, roleArn: "${SANDBOX_ROLE}"}
`;

const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ yaml: YAML, clock });
  harness.aws.state.sts.addRole(ROLE, { externalId: 'warroom-7f3a' });
  harness.aws.state.sts.addRole(SANDBOX_ROLE);
  const west = harness.aws.inRegion('eu-west-1');
  west.rds.addInstance({ id: 'search-db' });
  west.rds.addInstance({ id: 'orders-eu' });
  west.rds.addInstance({ id: 'play-db' });
});

afterAll(async () => {
  await harness.stop();
});

const starts = () => harness.aws.requestsTo('ssm', 'StartAutomationExecution');

describe('runbooks and RDS reads go to the incident’s account and Region, through Slack', () => {
  it("starts a runbook in the second account's Region, signed with the assumed role's key, running with that account's automation role", async () => {
    const seq = await openRdsIncident(
      harness,
      { kind: 'rds-instance', id: 'search-db' },
      '210987654321',
      'eu-west-1',
    );
    const { reply } = await runIncidentCommand(harness, `runbook INC-${seq} reboot-instance`);
    expect(reply.text).toContain('AWS-RebootRdsInstance is running');
    const [start] = starts();
    expect(start?.error).toBeUndefined();
    expect(start).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
    expect(start?.accessKeyId).toMatch(/^ASIA/);
    expect(start?.input).toMatchObject({
      DocumentName: 'AWS-RebootRdsInstance',
      Parameters: { InstanceId: ['search-db'], AutomationAssumeRole: [AUTOMATION_ROLE] },
    });
    // The execution is the second account's, in eu-west-1: none in warroom's own Region.
    const runs = [...harness.aws.inRegion('eu-west-1').ssm.executions.values()];
    expect(runs.map((run) => run.accountId)).toEqual(['210987654321']);
    expect(harness.aws.state.ssm.executions.size).toBe(0);
    // The plan was read there too.
    const described = harness.aws.requestsTo('ssm', 'DescribeDocument').at(-1);
    expect(described).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
  });

  it('follows that run where it runs until it succeeds, and records it on the timeline', async () => {
    const seq = (await harness.warroom.store.listOpenIncidents()).find(
      (incident) => incident.resource?.id === 'search-db',
    )?.seq as number;
    for (let i = 0; i < 20; i++) {
      clock.advance(30_000);
      await harness.warroom.runbooks.follower.tick();
      await harness.warroom.settled();
    }
    const polls = harness.aws.requestsTo('ssm', 'GetAutomationExecution');
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect(poll).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
      expect(poll.error).toBeUndefined();
    }
    const [execution] = await harness.warroom.store.runbooks.listExecutions(seq);
    expect(execution?.status).toBe('Success');
    // `/incident show` links it in the console of the Region it ran in.
    const { reply } = await runIncidentCommand(harness, `show ${seq}`);
    expect(JSON.stringify(reply)).toContain(
      `https://eu-west-1.console.aws.amazon.com/systems-manager/automation/execution/${execution?.executionId}?region=eu-west-1`,
    );
  });

  it('finds a start whose answer was lost in that account and Region, by its ClientToken, and runs it once', async () => {
    const west = harness.aws.inRegion('eu-west-1');
    west.rds.addInstance({ id: 'lost-db' });
    const seq = await openRdsIncident(
      harness,
      { kind: 'rds-instance', id: 'lost-db' },
      '210987654321',
      'eu-west-1',
    );
    const before = { runs: west.ssm.executions.size, starts: starts().length };
    harness.aws.loseAnswer('ssm', 'StartAutomationExecution', 'reset', 3);
    const { reply } = await runIncidentCommand(harness, `runbook INC-${seq} reboot-instance`);
    expect(reply.text).toContain('AWS-RebootRdsInstance is running');
    expect(west.ssm.executions.size).toBe(before.runs + 1);
    // The three lost attempts and warroom's own ask: one token, all in that account and Region.
    const asked = starts().slice(before.starts);
    expect(asked).toHaveLength(4);
    expect(new Set(asked.map((call) => (call.input as { ClientToken?: string }).ClientToken)).size).toBe(1);
    for (const call of asked) expect(call).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
  });

  it("stops a run in that account and Region from the Stop button in the card's thread", async () => {
    const west = harness.aws.inRegion('eu-west-1');
    west.rds.addInstance({ id: 'halt-db' });
    const seq = await openRdsIncident(
      harness,
      { kind: 'rds-instance', id: 'halt-db' },
      '210987654321',
      'eu-west-1',
    );
    await runIncidentCommand(harness, `runbook INC-${seq} reboot-instance`);
    await harness.warroom.settled();
    const message = (await cardThread(harness, seq)).find((reply) => reply.text.startsWith('Runbook '));
    expect(message).toBeDefined();
    const { status } = await clickThreadButton(harness, message!, 'U0ALICE', ACTION_IDS.runbookStop);
    expect(status).toBe(200);
    // The listener stops it after acknowledging the click.
    await vi.waitFor(() => expect(harness.aws.requestsTo('ssm', 'StopAutomationExecution')).toHaveLength(1));
    await harness.warroom.settled();
    const [stop] = harness.aws.requestsTo('ssm', 'StopAutomationExecution');
    expect(stop?.error).toBeUndefined();
    expect(stop).toMatchObject({ accountId: '210987654321', region: 'eu-west-1' });
    expect(stop?.accessKeyId).toMatch(/^ASIA/);
    const [execution] = await harness.warroom.store.runbooks.listExecutions(seq);
    expect(west.ssm.executions.get(execution?.executionId ?? '')?.stoppedAt).toBeDefined();
  });

  it("reads a database in another Region of warroom's own account from that Region, with warroom's own key", async () => {
    const seq = await openRdsIncident(
      harness,
      { kind: 'rds-instance', id: 'orders-eu' },
      '123456789012',
      'eu-west-1',
    );
    const { reply } = await runIncidentCommand(harness, `rds ${seq} status`);
    expect(reply.text).toContain('orders-eu');
    expect(reply.text).toContain('eu-west-1a');
    const describe = harness.aws.requestsTo('rds', 'DescribeDBInstances').at(-1);
    expect(describe).toMatchObject({
      accountId: '123456789012',
      region: 'eu-west-1',
      accessKeyId: 'AKIDWARROOMTEST',
    });
    expect(describe?.error).toBeUndefined();
  });

  it('refuses a runbook in a role’s account without automationRoleArn, naming the key, and starts nothing', async () => {
    const before = starts().length;
    const seq = await openRdsIncident(
      harness,
      { kind: 'rds-instance', id: 'play-db' },
      '333333333333',
      'eu-west-1',
    );
    const { reply } = await runIncidentCommand(harness, `runbook INC-${seq} reboot-instance`);
    expect(reply.text).toContain('accounts.333333333333.automationRoleArn');
    expect(reply.text).toContain('sandbox has none');
    expect(starts()).toHaveLength(before);
  });
});
