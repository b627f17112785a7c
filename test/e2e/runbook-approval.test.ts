import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { buttonIds, clickThreadButton, threadReplies } from '../support/runbook-interactions.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const clock = new ManualClock(new Date());
let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;
let recordArn: string;

const yaml = `${defaultYaml()}permissions:
  runbook: [U0ALICE, U0BOB]
automation:
  approvalTimeoutMinutes: 30
`;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  clicker = cardClicker(harness);
  harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
  recordArn = harness.aws.state.incidents.addIncidentRecord({
    title: 'Orders DB degraded',
    impact: 3,
    responsePlanName: 'db',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
  });
  const pointer = signedMessage(`Incident ${recordArn} started from response plan db`, {
    subject: 'Incident Manager',
  });
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await harness.warroom.settled();
  expect((await harness.warroom.store.getIncident(1))?.incidentManagerArn).toBe(recordArn);
});

afterAll(async () => {
  await harness.stop();
});

const starts = () => harness.aws.requestsTo('ssm', 'StartAutomationExecution');
const thread = () => threadReplies(harness, ALERT_CHANNEL, clicker.card(1).ts);
const requestMessages = () => thread().filter((message) => message.text.startsWith('Approval needed'));
const runMessages = () => thread().filter((message) => message.text.startsWith('Runbook '));
const replies = (url: string) => harness.slack.responses(url).map((reply) => reply.text ?? '');

async function advance(ms: number) {
  clock.advance(ms);
  await harness.warroom.runbooks.follower.tick();
  await harness.warroom.settled();
}

describe('/incident runbook', () => {
  it('without a runbook lists those that fit; a locked parameter or an unknown runbook is refused', async () => {
    const list = await runIncidentCommand(harness, 'runbook INC-1');
    expect(list.all).toContain('`reboot-instance`');
    expect(list.all).toContain('`stop-instance` Stop DB instance · `AWS-StopRdsInstance` · 🔐 two-person');
    const locked = await runIncidentCommand(harness, 'runbook INC-1 reboot-instance InstanceId=billing-db');
    expect(locked.all).toContain('InstanceId cannot be changed for reboot-instance (editable: none)');
    const unknown = await runIncidentCommand(harness, 'runbook INC-1 drop-database');
    expect(unknown.all).toContain('`drop-database` is not a runbook for INC-1');
    const carol = await runIncidentCommand(harness, 'runbook INC-1 reboot-instance', { userId: 'U0CAROL' });
    expect(carol.all).toContain('permissions.runbook');
    expect(starts()).toHaveLength(0);
  });

  it('runs a confirm runbook and puts the execution on Incident Manager as an AUTOMATION related item', async () => {
    const ran = await runIncidentCommand(harness, 'runbook INC-1 reboot-instance');
    expect(ran.all).toMatch(/INC-1: AWS-RebootRdsInstance is running \(execution `([0-9a-f-]{36})`\)/);
    await harness.warroom.settled();
    const executionId = /execution `([0-9a-f-]{36})`/.exec(ran.all)?.[1];
    const items = harness.aws.state.incidents.incidentRecords.get(recordArn)?.relatedItems ?? [];
    expect(items).toContainEqual(
      expect.objectContaining({
        identifier: {
          type: 'AUTOMATION',
          value: { arn: `arn:aws:ssm:us-east-1:123456789012:automation-execution/${executionId}` },
        },
      }),
    );
  });

  it('Stop cancels a running execution; the thread message ends Cancelled and the stop is on the timeline', async () => {
    const [message] = runMessages();
    const carol = await clickThreadButton(harness, message!, 'U0CAROL', ACTION_IDS.runbookStop);
    await clicker.settled();
    expect(replies(carol.responseUrl)).toEqual([expect.stringContaining('permissions.runbook')]);
    await clickThreadButton(harness, message!, 'U0BOB', ACTION_IDS.runbookStop);
    await clicker.settled();
    expect(harness.aws.requestsTo('ssm', 'StopAutomationExecution')).toHaveLength(1);
    await advance(1000);
    expect(runMessages()[0]?.text).toContain('Cancelled');
    expect(JSON.stringify(runMessages()[0]?.blocks)).toContain('Cancelled · stopped by <@U0BOB>');
    expect(buttonIds(runMessages()[0]!)).toEqual([]);
    const texts = (await harness.warroom.store.listTimeline(1)).map(
      (entry) => `${entry.actor} ${entry.text}`,
    );
    expect(texts).toContainEqual(expect.stringMatching(/^U0BOB asked to stop runbook execution/));
    expect(texts).toContainEqual(
      expect.stringMatching(/^aws:ssm-automation runbook AWS-RebootRdsInstance .* is Cancelled$/),
    );
  });
});

describe('two-person runbooks', () => {
  it("do not start on the requester's own approval, and start on a second person's", async () => {
    const before = starts().length;
    const asked = await runIncidentCommand(harness, 'runbook INC-1 stop-instance');
    expect(asked.all).toContain('needs a second person');
    await harness.warroom.settled();
    const [request] = requestMessages();
    expect(buttonIds(request!)).toEqual([ACTION_IDS.runbookApprove, ACTION_IDS.runbookReject]);
    // It asks the people who can approve by name (Bob; Alice asked), so they are notified.
    expect(request?.text).toContain('<@U0BOB>');
    expect(request?.text).not.toContain('<@U0ALICE>');
    expect(JSON.stringify(request?.blocks)).toContain('<@U0BOB> can approve');
    const own = await clickThreadButton(harness, request!, 'U0ALICE', ACTION_IDS.runbookApprove);
    await clicker.settled();
    expect(replies(own.responseUrl)).toEqual([expect.stringContaining('someone else')]);
    expect(starts()).toHaveLength(before);

    await clickThreadButton(harness, request!, 'U0BOB', ACTION_IDS.runbookApprove);
    await clicker.settled();
    expect(starts()).toHaveLength(before + 1);
    expect(starts().at(-1)?.input).toMatchObject({
      DocumentName: 'AWS-StopRdsInstance',
      Parameters: { InstanceId: ['orders-db'] },
    });
    expect(requestMessages()[0]?.blocks && JSON.stringify(requestMessages()[0]?.blocks)).toContain(
      'Approved by <@U0BOB>',
    );
    expect(buttonIds(requestMessages()[0]!)).toEqual([]);
    expect(JSON.stringify(runMessages().at(-1)?.blocks)).toContain(
      'requested by <@U0ALICE>, approved by <@U0BOB>',
    );
    // A second approval (another click, a retry) starts nothing more.
    await clickThreadButton(harness, request!, 'U0BOB', ACTION_IDS.runbookApprove);
    await clicker.settled();
    expect(starts()).toHaveLength(before + 1);
  });

  it('asking again while the approved stop runs posts no request: it is already running', async () => {
    const requests = requestMessages().length;
    const asked = await runIncidentCommand(harness, 'runbook INC-1 stop-instance');
    await harness.warroom.settled();
    expect(asked.all).toMatch(/AWS-StopRdsInstance is already running on InstanceId orders-db/);
    expect(asked.all).toContain('Nothing new was started');
    expect(requestMessages()).toHaveLength(requests);
  });

  it('a request nobody approves expires after the configured time, on the timeline', async () => {
    // The stop approved above finishes first: a new request while it runs would be refused as a twin.
    await advance(10 * 60_000);
    const before = starts().length;
    await runIncidentCommand(harness, 'runbook INC-1 stop-instance');
    await harness.warroom.settled();
    // The message as it was before it expired: a copy someone still has on screen.
    const pending = requestMessages().at(-1);
    await advance(31 * 60_000);
    expect(JSON.stringify(requestMessages().at(-1)?.blocks)).toContain('Expired');
    expect(buttonIds(requestMessages().at(-1)!)).toEqual([]);
    const late = await clickThreadButton(harness, pending!, 'U0BOB', ACTION_IDS.runbookApprove);
    await clicker.settled();
    expect(replies(late.responseUrl)).toEqual([expect.stringContaining('already expired')]);
    expect(starts()).toHaveLength(before);
    const texts = (await harness.warroom.store.listTimeline(1)).map((entry) => entry.text);
    expect(texts).toContainEqual(expect.stringMatching(/expired without a second person's approval/));
  });
});

describe('after a restart', () => {
  it('an execution started before it is followed to the end, its message updated in place', async () => {
    // The approved stop above left orders-db stopped (the emulator's runbooks act): start it again.
    await runIncidentCommand(harness, 'runbook INC-1 start-instance');
    await harness.warroom.settled();
    const count = runMessages().length;
    const ts = runMessages().at(-1)?.ts;
    await harness.restart();
    await advance(130_000);
    expect(runMessages()).toHaveLength(count);
    expect(runMessages().at(-1)).toMatchObject({ ts, text: expect.stringContaining('Success') });
  });
});
