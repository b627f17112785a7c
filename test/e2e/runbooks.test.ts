import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { cardActionIds } from '../handlers/actions/slack-interactions.ts';
import { buttonIds, chooseRunbook, threadReplies } from '../support/runbook-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

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

const starts = () => harness.aws.requestsTo('ssm', 'StartAutomationExecution');
const runMessages = () =>
  threadReplies(harness, ALERT_CHANNEL, clicker.card(1).ts).filter((message) =>
    message.text.startsWith('Runbook '),
  );
const runbookEntries = async () =>
  (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'runbook');

/** Moves the shared clock (warroom's and the emulator's) and lets the follower look. */
async function advance(ms: number) {
  clock.advance(ms);
  await harness.warroom.runbooks.follower.tick();
  await harness.warroom.settled();
}

async function openRunbookModal(userId: string) {
  await clicker.click(clicker.card(1), userId, ACTION_IDS.runRunbook);
  await clicker.settled();
  return clicker.openModal(userId);
}

describe('Run runbook from an RDS CPU alarm card, through the real Bolt app and SDK', () => {
  it('the card offers Run runbook; the modal lists only the runbooks that fit, filled in for orders-db', async () => {
    expect(cardActionIds(clicker.card(1))).toContain(ACTION_IDS.runRunbook);
    const modal = await openRunbookModal('U0ALICE');
    const shown = JSON.stringify(modal);
    expect(shown).toContain('AWS-RebootRdsInstance');
    expect(shown).toContain('`InstanceId` = orders-db');
    // The document's steps, from GetDocument.
    for (const step of ['AssertNotRebooting', 'RebootInstance', 'WaitForAvailableState'])
      expect(shown).toContain(step);
    expect(shown).toContain('reboot-instance');
    expect(shown).not.toContain('start-cluster');
    expect(modal['submit']).toEqual({ type: 'plain_text', text: 'Run' });
  });

  it('picking another runbook shows its own parameters, editable ones as inputs', async () => {
    expect(await chooseRunbook(harness, clicker.openModal('U0ALICE'), 'U0ALICE', 'snapshot-instance')).toBe(
      200,
    );
    await clicker.settled();
    const shown = JSON.stringify(clicker.openModal('U0ALICE'));
    expect(shown).toContain('AWS-CreateRdsSnapshot');
    expect(shown).toContain('`DBInstanceIdentifier` = orders-db');
    expect(shown).toContain('warroom_runbook_param_DBSnapshotIdentifier');
    await chooseRunbook(harness, clicker.openModal('U0ALICE'), 'U0ALICE', 'reboot-instance');
    await clicker.settled();
    expect(JSON.stringify(clicker.openModal('U0ALICE'))).toContain('AWS-RebootRdsInstance');
  });

  it('confirm: exactly one StartAutomationExecution with InstanceId = orders-db, on the timeline and in the thread', async () => {
    const submitted = await clicker.submit(clicker.openModal('U0ALICE'), 'U0ALICE', {});
    expect(submitted.body).toBe('');
    await clicker.settled();
    expect(starts()).toHaveLength(1);
    expect(starts()[0]?.input).toMatchObject({
      DocumentName: 'AWS-RebootRdsInstance',
      Parameters: { InstanceId: ['orders-db'] },
      ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(await runbookEntries()).toMatchObject([
      { actor: 'U0ALICE', text: expect.stringContaining('AWS-RebootRdsInstance') },
    ]);
    const [message] = runMessages();
    expect(message?.text).toContain('Pending');
    expect(buttonIds(message!)).toEqual([ACTION_IDS.runbookStop]);
    expect(harness.slack.ephemerals(ALERT_CHANNEL).map((e) => e.text)).toContainEqual(
      expect.stringMatching(/^INC-1: AWS-RebootRdsInstance is running/),
    );
  });

  it('as the clock moves, the one thread message follows InProgress → Success step by step', async () => {
    await advance(10_000);
    expect(runMessages()).toHaveLength(1);
    let blocks = JSON.stringify(runMessages()[0]?.blocks);
    expect(runMessages()[0]?.text).toContain('In progress');
    expect(blocks).toMatch(/1\. ✅ Success · \*AssertNotRebooting\*/);
    expect(blocks).toMatch(/2\. ✅ Success · \*RebootInstance\*/);
    expect(blocks).toMatch(/3\. 🔄 In progress · \*WaitForAvailableState\*/);
    await advance(60_000);
    expect(runMessages()).toHaveLength(1);
    blocks = JSON.stringify(runMessages()[0]?.blocks);
    expect(runMessages()[0]?.text).toContain('Success');
    expect(blocks).toMatch(/3\. ✅ Success · \*WaitForAvailableState\*/);
    expect(buttonIds(runMessages()[0]!)).toEqual([]);
    const statuses = (await runbookEntries()).filter((entry) => entry.actor === 'aws:ssm-automation');
    expect(statuses.map((entry) => [entry.from, entry.to])).toEqual([
      ['Pending', 'InProgress'],
      ['InProgress', 'Success'],
    ]);
  });

  it('20 concurrent confirms of one modal start one execution', async () => {
    const before = { starts: starts().length, executions: harness.aws.state.ssm.executions.size };
    const modal = await openRunbookModal('U0BOB');
    const answers = await Promise.all(Array.from({ length: 20 }, () => clicker.submit(modal, 'U0BOB', {})));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    await clicker.settled();
    expect(harness.aws.state.ssm.executions.size).toBe(before.executions + 1);
    expect(starts().length).toBe(before.starts + 1);
    expect(await harness.warroom.store.runbooks.listExecutions(1)).toHaveLength(2);
    expect(runMessages()).toHaveLength(2);
    await advance(70_000);
  });

  it('a failed execution shows its failure message in the thread and is on the timeline', async () => {
    const failure = 'Step fails when it is Executing. DBInstanceNotFound: orders-db';
    harness.aws.state.ssm.failNextExecution({
      documentName: 'AWS-RebootRdsInstance',
      stepName: 'RebootInstance',
      failureMessage: failure,
    });
    await clicker.submit(await openRunbookModal('U0ALICE'), 'U0ALICE', {});
    await clicker.settled();
    await advance(10_000);
    const message = runMessages().at(-1);
    expect(message?.text).toContain('Failed');
    expect(JSON.stringify(message?.blocks)).toContain(failure);
    expect(JSON.stringify(message?.blocks)).toMatch(/3\. ➖ Not run · \*WaitForAvailableState\*/);
    const last = (await runbookEntries()).at(-1);
    expect(last).toMatchObject({
      actor: 'aws:ssm-automation',
      to: 'Failed',
      text: expect.stringContaining(failure),
    });
  });
});
