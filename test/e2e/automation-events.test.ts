import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { loadPayload } from '../handlers/notifications/notification-fixtures.ts';
import { threadReplies } from '../support/runbook-interactions.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

// The follower is never ticked here, and the retry timer is pushed out of the test's way: whatever
// moves after a runbook starts is moved by the EventBridge events posted to /sns.
const clock = new ManualClock(new Date());
let harness: Harness;
let executionId = '';
let cardTs = '';

beforeAll(async () => {
  harness = await startHarness({ clock, start: { retryIntervalMs: 3_600_000 } });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  const [alarm] = signedOrdersDbScenario(clock.now());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
  cardTs = (await harness.warroom.store.getCard(1, ALERT_CHANNEL))?.ts ?? '';
});

afterAll(async () => {
  await harness.stop();
});

/** The documented EventBridge sample, about `id`, as an EventBridge rule delivers it to the topic. */
function automationEvent(file: string, id: string, detail: Record<string, unknown>): string {
  const event = loadPayload(file);
  event['time'] = clock.now().toISOString();
  event['region'] = 'us-east-1';
  event['detail'] = {
    ...(event['detail'] as Record<string, unknown>),
    ExecutionId: id,
    Definition: 'AWS-RebootRdsInstance',
    ...detail,
  };
  return JSON.stringify(event);
}

async function postEvent(message: string) {
  expect((await harness.postSns(signedMessage(message).body)).status).toBe(200);
  await harness.warroom.settled();
}

const executionEvent = (id: string, status: string) =>
  automationEvent('eventbridge-ssm-automation-execution.json', id, { Status: status });
const stepEvent = (id: string, stepName: string, status: string) =>
  automationEvent('eventbridge-ssm-automation-step.json', id, { StepName: stepName, Status: status });

const polls = () => harness.aws.requestsTo('ssm', 'GetAutomationExecution').length;
const runMessage = () =>
  threadReplies(harness, ALERT_CHANNEL, cardTs).find((message) => message.text.startsWith('Runbook '));
const topLevelMessages = () =>
  harness.slack
    .messages(ALERT_CHANNEL)
    .filter((message) => !message.thread_ts || message.thread_ts === message.ts);
const statusEntries = async () =>
  (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.actor === 'aws:ssm-automation');
const processed = async (outcome: string) => {
  const text = await harness.warroom.metrics.registry.metrics();
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(`warroom_signals_processed_total{source="eventbridge-automation",outcome="${outcome}"}`),
    );
  return Number(line?.split(' ').at(-1) ?? 0);
};

describe('EventBridge SSM Automation events over SNS nudge the runbook follower', () => {
  it('starts reboot-instance on INC-1; the thread message shows Pending', async () => {
    const { reply } = await runIncidentCommand(harness, 'runbook INC-1 reboot-instance');
    expect(reply.text).toMatch(/AWS-RebootRdsInstance is running/);
    await harness.warroom.settled();
    const [execution] = await harness.warroom.store.runbooks.listExecutions(1);
    executionId = execution?.executionId ?? '';
    expect(executionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(runMessage()?.text).toContain('Pending');
  });

  it('an execution status event makes warroom look at once, long before the next poll is due', async () => {
    clock.advance(2_000);
    await harness.warroom.settled();
    // SSM has moved on, but the next poll is not due for another 8 s: nothing looked.
    expect(runMessage()?.text).toContain('Pending');
    const before = { polls: polls(), cards: topLevelMessages().length };

    await postEvent(executionEvent(executionId, 'InProgress'));

    expect(polls()).toBe(before.polls + 1);
    expect(runMessage()?.text).toContain('In progress');
    expect(JSON.stringify(runMessage()?.blocks)).toMatch(/1\. 🔄 In progress · \*AssertNotRebooting\*/);
    expect((await statusEntries()).map((entry) => [entry.from, entry.to])).toEqual([
      ['Pending', 'InProgress'],
    ]);
    expect(topLevelMessages()).toHaveLength(before.cards);
    expect(await harness.warroom.store.listOpenIncidents()).toHaveLength(1);
    expect(await harness.warroom.store.countNotifications('pending')).toBe(0);
    expect(await processed('automation')).toBe(1);
  });

  it('a step status event updates the step list in place', async () => {
    clock.advance(4_000);
    await postEvent(stepEvent(executionId, 'AssertNotRebooting', 'Success'));
    const blocks = JSON.stringify(runMessage()?.blocks);
    expect(blocks).toMatch(/1\. ✅ Success · \*AssertNotRebooting\*/);
    expect(blocks).toMatch(/2\. 🔄 In progress · \*RebootInstance\*/);
    expect(
      threadReplies(harness, ALERT_CHANNEL, cardTs).filter((m) => m.text.startsWith('Runbook ')),
    ).toHaveLength(1);
  });

  it('the Success event ends it: the message and the timeline say so', async () => {
    clock.advance(63_000);
    await postEvent(executionEvent(executionId, 'Success'));
    expect(runMessage()?.text).toContain('Success');
    expect(JSON.stringify(runMessage()?.blocks)).toMatch(/3\. ✅ Success · \*WaitForAvailableState\*/);
    expect((await statusEntries()).map((entry) => entry.to)).toEqual(['InProgress', 'Success']);
    expect(topLevelMessages()).toHaveLength(1);
  });

  it('a late event about the finished execution is taken without another poll', async () => {
    const before = polls();
    await postEvent(executionEvent(executionId, 'Success'));
    expect(polls()).toBe(before);
    expect(await processed('automation')).toBe(4);
  });

  it('an event about an execution warroom does not follow changes nothing and posts nothing', async () => {
    const before = {
      polls: polls(),
      messages: harness.slack.messages(ALERT_CHANNEL).length,
      timeline: (await harness.warroom.store.listTimeline(1)).length,
    };
    await postEvent(executionEvent(randomUUID(), 'Failed'));
    await postEvent(stepEvent(randomUUID(), 'RebootInstance', 'Failed'));
    expect(polls()).toBe(before.polls);
    expect(harness.slack.messages(ALERT_CHANNEL)).toHaveLength(before.messages);
    expect(await harness.warroom.store.listTimeline(1)).toHaveLength(before.timeline);
    expect(await harness.warroom.store.listOpenIncidents()).toHaveLength(1);
    expect(await harness.warroom.store.countNotifications('pending')).toBe(0);
    expect(await harness.warroom.store.countNotifications('failed')).toBe(0);
    expect(await processed('unmatched')).toBe(2);
  });

  it('/incident show lists the execution with its console link', async () => {
    const { all } = await runIncidentCommand(harness, 'show INC-1');
    expect(all).toContain('*Runbooks (1)*');
    expect(all).toContain('*Reboot DB instance* (`AWS-RebootRdsInstance`)');
    expect(all).toContain('✅ Success');
    expect(all).toContain('started by <@U0ALICE>');
    expect(all).toContain(
      `https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/${executionId}?region=us-east-1`,
    );
  });
});
