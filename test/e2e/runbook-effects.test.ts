import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { openRdsIncident } from '../support/rds-incidents.ts';
import { chooseRunbook, threadReplies } from '../support/runbook-interactions.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// The AWSConfigRemediation-* runbooks need an assume role.
const YAML = `${defaultYaml()}automation:\n  roleArn: arn:aws:iam::123456789012:role/warroom-automation\n`;

const clock = new ManualClock(new Date());
let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: YAML });
  clicker = cardClicker(harness);
  const rds = harness.aws.state.rds;
  rds.addInstance({ id: 'orders-db', publiclyAccessible: true, multiAZ: true, deletionProtection: true });
  rds.addSnapshot({ id: 'orders-db-export', instanceId: 'orders-db', public: true, encrypted: false });
  const [alarm] = signedOrdersDbScenario(clock.now());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
  expect(await openRdsIncident(harness, { kind: 'rds-snapshot', id: 'orders-db-export' })).toBe(2);
});

afterAll(async () => {
  await harness.stop();
});

/** Moves the clock warroom and the emulator share, and lets the runbook follower look. */
async function advance(ms: number) {
  clock.advance(ms);
  await harness.warroom.runbooks.follower.tick();
  await harness.warroom.settled();
}

/** Run runbook on the card of INC-<seq>, pick `runbookId` in the form, submit it. */
async function runFromCard(seq: number, runbookId: string) {
  await clicker.click(clicker.card(seq), 'U0ALICE', ACTION_IDS.runRunbook);
  await clicker.settled();
  expect(await chooseRunbook(harness, clicker.openModal('U0ALICE'), 'U0ALICE', runbookId)).toBe(200);
  await clicker.settled();
  await clicker.submit(clicker.openModal('U0ALICE'), 'U0ALICE', {});
  await clicker.settled();
}

const lastRunMessage = (seq: number) =>
  threadReplies(harness, ALERT_CHANNEL, clicker.card(seq).ts)
    .filter((message) => message.text.startsWith('Runbook '))
    .at(-1);

async function checkLines(seq: number) {
  const { reply } = await runIncidentCommand(harness, `rds INC-${seq} check`);
  return (reply.text ?? '').split('\n').filter((line) => /^[✓✗] /.test(line));
}

describe('a runbook started from the card changes the database, and /incident rds check shows it', () => {
  it('Disable public access: ✗ Publicly accessible before, modifying while it runs, ✓ once it succeeds', async () => {
    expect(await checkLines(1)).toContainEqual(expect.stringMatching(/^✗ \*Publicly accessible\*/));
    await runFromCard(1, 'disable-public-access');
    await advance(10_000);
    expect(lastRunMessage(1)?.text).toContain('In progress');
    harness.aws.state.rds.settle();
    expect(harness.aws.state.rds.instances.get('orders-db')?.DBInstanceStatus).toBe('modifying');
    await advance(40_000);
    expect(lastRunMessage(1)?.text).toContain('Success');
    const lines = await checkLines(1);
    expect(lines).toContainEqual(expect.stringMatching(/^✓ \*Not publicly accessible\*/));
    expect(lines.join('\n')).not.toContain('Publicly accessible*');
  });

  it('Make snapshot private: the snapshot incident’s check turns ✓ The snapshot is not public', async () => {
    expect((await checkLines(2))[0]).toMatch(/^✗ \*The snapshot is public\*/);
    await runFromCard(2, 'make-snapshot-private');
    await advance(10_000);
    expect(lastRunMessage(2)?.text).toContain('Success');
    expect(await checkLines(2)).toContainEqual(expect.stringMatching(/^✓ \*The snapshot is not public\*/));
    // The instance's own check no longer lists the snapshot as public either.
    expect(await checkLines(1)).toContainEqual(expect.stringMatching(/^✓ \*No manual snapshot is public/));
  });
});
