import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { clickEphemeralButton, threadReplies } from '../support/runbook-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

/**
 * Systems Manager starts the runbook and its answer never arrives (the local AWS carries the call
 * out, then resets the connection or answers 500). The SDK retries 3 times with the same request.
 */
const clock = new ManualClock(new Date());
let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

beforeAll(async () => {
  harness = await startHarness({ clock });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  clicker = cardClicker(harness);
  const [alarm] = signedOrdersDbScenario(clock.now());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

const executions = () => harness.aws.state.ssm.executions.size;
const starts = () => harness.aws.requestsTo('ssm', 'StartAutomationExecution');
const tokensSent = (from: number) =>
  new Set(
    starts()
      .slice(from)
      .map((entry) => (entry.input as { ClientToken?: string }).ClientToken),
  );
const lastEphemeral = () => harness.slack.ephemerals(ALERT_CHANNEL).at(-1);
const runMessages = () =>
  threadReplies(harness, ALERT_CHANNEL, clicker.card(1).ts).filter((message) =>
    message.text.startsWith('Runbook '),
  );

async function advance(ms: number) {
  clock.advance(ms);
  await harness.warroom.runbooks.follower.tick();
  await harness.warroom.settled();
}

/** Run runbook on the card, then Run in the modal (a new request each time: a new view id). */
async function runReboot(userId = 'U0ALICE') {
  await clicker.click(clicker.card(1), userId, ACTION_IDS.runRunbook);
  await clicker.settled();
  await clicker.submit(clicker.openModal(userId), userId, {});
  await clicker.settled();
}

describe('a runbook start whose answer is lost runs once, and the responder is told the truth', () => {
  it('every SDK attempt reset after the start: the same ClientToken again finds the one execution', async () => {
    const before = { executions: executions(), starts: starts().length };
    harness.aws.loseAnswer('ssm', 'StartAutomationExecution', 'reset', 3);
    await runReboot();
    expect(executions()).toBe(before.executions + 1);
    // Three lost attempts, then warroom's own ask with the same token, answered with the same id.
    expect(starts().length).toBe(before.starts + 4);
    expect(tokensSent(before.starts).size).toBe(1);
    expect(lastEphemeral()?.text).toMatch(/^INC-1: AWS-RebootRdsInstance is running \(execution `/);
    expect(lastEphemeral()?.text).not.toMatch(/try again/i);
    const [execution] = await harness.warroom.store.runbooks.listExecutions(1);
    expect(harness.aws.state.ssm.executions.has(execution!.executionId)).toBe(true);
    const entries = await harness.warroom.store.listTimeline(1);
    expect(entries.map((entry) => entry.text)).toContainEqual(
      expect.stringContaining("Systems Manager's answer was lost; warroom found it started"),
    );
    expect(runMessages()).toHaveLength(1);
    await advance(70_000);
  });

  it('the same request lost as well (HTTP 500 each time): warroom finds the execution by looking', async () => {
    const before = { executions: executions(), starts: starts().length };
    harness.aws.loseAnswer('ssm', 'StartAutomationExecution', 'internal-error', 6);
    await runReboot();
    expect(executions()).toBe(before.executions + 1);
    expect(starts().length).toBe(before.starts + 6);
    expect(tokensSent(before.starts).size).toBe(1);
    expect(harness.aws.requestsTo('ssm', 'DescribeAutomationExecutions').length).toBeGreaterThan(0);
    expect(lastEphemeral()?.text).toMatch(/is running \(execution `/);
    expect(await harness.warroom.store.runbooks.listExecutions(1)).toHaveLength(2);
    await advance(70_000);
  });

  it('while nothing answers, it says the run may be going and never "try again"; the follower then finds it', async () => {
    const before = { executions: executions(), starts: starts().length };
    harness.aws.loseAnswer('ssm', 'StartAutomationExecution', 'reset', 6);
    // warroom's look finds the execution but cannot read its parameters (GetAutomationExecution).
    harness.aws.failNext('ssm', 'GetAutomationExecution', { code: 'InternalServerError', times: 3 });
    await runReboot();
    expect(executions()).toBe(before.executions + 1);
    expect(lastEphemeral()?.text).toMatch(
      /^INC-1: Systems Manager did not confirm whether AWS-RebootRdsInstance started on InstanceId orders-db: .*Do not start it again/,
    );
    expect(lastEphemeral()?.text).not.toMatch(/try again/i);
    expect(await harness.warroom.store.runbooks.listExecutions(1)).toHaveLength(2);
    // The follower's next beat asks again with the same token, now answered.
    await advance(5_000);
    expect(executions()).toBe(before.executions + 1);
    expect(tokensSent(before.starts).size).toBe(1);
    const recorded = await harness.warroom.store.runbooks.listExecutions(1);
    expect(recorded).toHaveLength(3);
    expect(harness.aws.state.ssm.executions.has(recorded.at(-1)!.executionId)).toBe(true);
    expect(runMessages()).toHaveLength(3);
    await advance(70_000);
  });

  it('asked again while unknown: it finds the first start and says already running, with its link', async () => {
    const before = { executions: executions(), starts: starts().length };
    harness.aws.loseAnswer('ssm', 'StartAutomationExecution', 'reset', 9);
    // warroom's look finds the execution but cannot read its parameters (GetAutomationExecution).
    harness.aws.failNext('ssm', 'GetAutomationExecution', { code: 'InternalServerError', times: 3 });
    await runReboot('U0ALICE');
    expect(lastEphemeral()?.text).toMatch(/did not confirm/);
    // "Try the command again": a new modal, a new request, a new token. It must not start a second run.
    await runReboot('U0ALICE');
    expect(executions()).toBe(before.executions + 1);
    expect(tokensSent(before.starts).size).toBe(1);
    const [running] = [...harness.aws.state.ssm.executions.values()].slice(-1);
    const said = lastEphemeral();
    expect(said?.text).toContain('INC-1: AWS-RebootRdsInstance is already running on InstanceId orders-db');
    expect(said?.text).toContain(
      `https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/${running!.id}?region=us-east-1`,
    );
    expect(said?.text).toContain('Nothing new was started');
    expect(JSON.stringify(said?.blocks)).toContain(ACTION_IDS.runbookRunAgain);
    expect(await harness.warroom.store.runbooks.listExecutions(1)).toHaveLength(4);
  });

  it('"Run again anyway" starts one deliberate second run, on the timeline', async () => {
    const offer = lastEphemeral()!;
    const [running] = [...harness.aws.state.ssm.executions.values()].slice(-1);
    const before = { executions: executions(), starts: starts().length };
    const first = await clickEphemeralButton(harness, offer, ACTION_IDS.runbookRunAgain);
    await clicker.settled();
    // A second click on the same offer (or Slack's retry) starts nothing more.
    const second = await clickEphemeralButton(harness, offer, ACTION_IDS.runbookRunAgain);
    await clicker.settled();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(executions()).toBe(before.executions + 1);
    expect(starts().length).toBe(before.starts + 1);
    expect(clicker.replies(first.responseUrl)).toEqual([expect.stringMatching(/is running \(execution `/)]);
    expect(clicker.replies(second.responseUrl)).toEqual([expect.stringMatching(/nothing ran twice/)]);
    const entries = (await harness.warroom.store.listTimeline(1)).map(
      (entry) => `${entry.actor} ${entry.text}`,
    );
    expect(entries).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^U0ALICE started runbook .*run again on purpose while execution ${running!.id} was still running`,
        ),
      ),
    );
  });

  it('a new request while a run is going starts nothing and says already running', async () => {
    const before = { executions: executions(), starts: starts().length };
    await runReboot('U0BOB');
    expect(executions()).toBe(before.executions);
    expect(starts().length).toBe(before.starts);
    expect(lastEphemeral()?.text).toMatch(
      /is already running on InstanceId orders-db .*started for <@U0ALICE>/,
    );
  });

  it("the run's thread message, answered 500 by Slack after posting, is found and not posted twice", async () => {
    await advance(10 * 60_000);
    const before = runMessages().length;
    harness.slack.loseAnswer('chat.postMessage', 'http-500');
    await runReboot('U0BOB');
    expect(lastEphemeral()?.text).toMatch(/is running \(execution `/);
    expect(runMessages()).toHaveLength(before + 1);
    const [execution] = (await harness.warroom.store.runbooks.listExecutions(1)).slice(-1);
    expect(execution?.threadTs).toBe(runMessages().at(-1)?.ts);
    // The found message is the one kept up to date.
    await advance(70_000);
    expect(runMessages()).toHaveLength(before + 1);
    expect(runMessages().at(-1)?.text).toContain('Success');
  });
});
