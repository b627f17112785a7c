import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { databaseClicker, databaseOptions, replyButtons } from '../handlers/actions/database-clicks.ts';
import { cardActionIds } from '../handlers/actions/slack-interactions.ts';
import { cardThread, openRdsIncident } from '../support/rds-incidents.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// Alice may triage and run runbooks, Bob may only triage, Carol may do neither.
const YAML = `${defaultYaml()}permissions:\n  triage: [U0ALICE, U0BOB]\n  runbook: [U0ALICE]\n`;

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;
let database: ReturnType<typeof databaseClicker>;

beforeAll(async () => {
  harness = await startHarness({ yaml: YAML });
  clicker = cardClicker(harness);
  database = databaseClicker(harness, clicker);
  const rds = harness.aws.state.rds;
  // Unencrypted and public, with a public manual snapshot; fine otherwise (as in incident-rds.test.ts).
  rds.addInstance({
    id: 'orders-db',
    storageEncrypted: false,
    publiclyAccessible: true,
    multiAZ: true,
    deletionProtection: true,
    iamDatabaseAuthentication: true,
    backupRetentionPeriod: 7,
  });
  rds.addSnapshot({ id: 'orders-db-export', instanceId: 'orders-db', public: true, encrypted: false });
  rds.addLogFile('orders-db', 'error/postgresql.log.2026-11-22-09', {
    content: Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n'),
    lastWritten: new Date(),
  });
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-db' })).toBe(1);
  expect(await openRdsIncident(harness, { kind: 'rds-snapshot', id: 'orders-db-export' })).toBe(2);
  await harness.warroom.triage.declare({ title: 'Checkout slow', impact: 3, actor: { userId: 'U0ALICE' } });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

/** Chooses in INC-1's Database menu and returns the ephemeral replies to that click. */
async function choose(userId: string, choice: 'status' | 'check' | 'logs' | 'snapshot') {
  const click = await database.choose(clicker.card(1), userId, choice);
  expect(click.status).toBe(200);
  await clicker.settled();
  return { click, replies: harness.slack.responses(click.responseUrl) };
}

describe('the card’s Database menu', () => {
  it('is one overflow on an RDS card, a Check snapshot button on a snapshot card, nothing elsewhere', () => {
    expect(cardActionIds(clicker.card(1))).toContain(ACTION_IDS.databaseMenu);
    expect(databaseOptions(clicker.card(1)).map((option) => option.text.text)).toEqual([
      'Database status',
      'Database check (✓/✗)',
      'Database logs (last 50 lines)',
      'Take a snapshot…',
    ]);
    expect(cardActionIds(clicker.card(2))).toContain(ACTION_IDS.checkDatabase);
    expect(cardActionIds(clicker.card(2))).not.toContain(ACTION_IDS.databaseMenu);
    expect(cardActionIds(clicker.card(3))).not.toContain(ACTION_IDS.databaseMenu);
    expect(cardActionIds(clicker.card(3))).not.toContain(ACTION_IDS.checkDatabase);
  });

  it('Status answers the clicker alone with what `/incident rds status` says', async () => {
    const { replies } = await choose('U0BOB', 'status');
    const command = await runIncidentCommand(harness, 'rds 1 status', { userId: 'U0BOB' });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ responseType: 'ephemeral', replaceOriginal: false });
    expect(replies[0]?.text).toBe(command.reply.text);
    expect(replies[0]?.text).toContain('*INC-1 · DB instance `orders-db`*: available');
  });

  it('Check answers with the command’s check, and a Run button beside each ✗ whose runbook fits', async () => {
    const { replies } = await choose('U0BOB', 'check');
    const command = await runIncidentCommand(harness, 'rds 1 check', { userId: 'U0BOB' });
    expect(replies[0]?.text).toBe(command.reply.text);
    expect(replies[0]?.text?.split('\n')[0]).toBe(
      '*INC-1 · database check of DB instance `orders-db`*: 3 of 8 checks fail',
    );
    const buttons = replyButtons(replies[0]!).map(({ button }) => button);
    expect(buttons.map((button) => [button.action_id, (button['text'] as { text: string }).text])).toEqual([
      [ACTION_IDS.runRemediation, 'Run Encrypted snapshot of DB instance'],
      [ACTION_IDS.runRemediation, 'Run Disable public access'],
    ]);
    // The public snapshot's runbook runs on snapshots, so an instance incident offers no button for it.
    expect(JSON.stringify(command.reply.blocks)).toContain(ACTION_IDS.runRemediation);
  });

  it('Logs posts the last 50 lines in the card’s thread, like the command, once per click', async () => {
    const before = (await cardThread(harness, 1)).length;
    const { click, replies } = await choose('U0BOB', 'logs');
    expect(replies[0]?.text).toMatch(
      /^Posted the last 50 lines of `error\/postgresql\.log\.2026-11-22-09` \(.+\) from `orders-db` in <[^|]+\|the thread of INC-1's card>\.$/,
    );
    const thread = await cardThread(harness, 1);
    expect(thread).toHaveLength(before + 1);
    expect(thread.at(-1)?.text).toContain('```\nline 30\n');
    expect(thread.at(-1)?.text).toContain('asked for by <@U0BOB>');
    // Slack redelivers the same click: no second post.
    await clicker.resend(click.payload, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await clicker.settled();
    expect(await cardThread(harness, 1)).toHaveLength(before + 1);
  });

  it('refuses a clicker without triage, as the command does, before any RDS call', async () => {
    const before = harness.aws.requestsTo('rds').length;
    const { replies } = await choose('U0CAROL', 'status');
    expect(replies.map((reply) => reply.text)).toEqual([
      "You do not have the `triage` permission for incidents (set by `permissions.triage` in warroom's config).",
    ]);
    expect(harness.aws.requestsTo('rds').length).toBe(before);
  });
});

describe('Snapshot from the Database menu', () => {
  it('needs the runbook permission', async () => {
    const { replies } = await choose('U0BOB', 'snapshot');
    expect(replies.map((reply) => reply.text)).toEqual([
      "You do not have the `runbook` permission for incidents (set by `permissions.runbook` in warroom's config).",
    ]);
  });

  it('asks first; Take snapshot then does what `/incident rds snapshot` does', async () => {
    const { replies } = await choose('U0ALICE', 'snapshot');
    expect(replies[0]?.text).toContain('Take a manual snapshot of DB instance `orders-db` now?');
    expect(harness.aws.requestsTo('rds', 'CreateDBSnapshot')).toHaveLength(0);
    const take = await database.clickReply(
      replies[0]!,
      'U0ALICE',
      (b) => b.action_id === ACTION_IDS.takeSnapshot,
    );
    await clicker.settled();
    const calls = harness.aws.requestsTo('rds', 'CreateDBSnapshot');
    expect(calls).toHaveLength(1);
    const name = String(
      (calls[0]?.input as { DBSnapshotIdentifier?: string } | undefined)?.DBSnapshotIdentifier,
    );
    expect(harness.slack.responses(take.responseUrl).map((reply) => reply.text)).toEqual([
      `INC-1: snapshot \`${name}\` of DB instance \`orders-db\` started (creating). It is on the timeline, and warroom reports in the card's thread when it is available.`,
    ]);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((entry) => entry.text.startsWith('took a snapshot'))).toEqual([
      expect.objectContaining({ actor: 'U0ALICE' }),
    ]);
  });
});

describe('Run <runbook> beside a ✗ of the check', () => {
  const checkReply = async (userId: string) => (await choose(userId, 'check')).replies[0]!;
  const runButton = (runbook: string) => (button: { value: string }) =>
    button.value.includes(`"runbook":"${runbook}"`);

  it('opens the Run runbook modal with that runbook chosen and prepared', async () => {
    const reply = await checkReply('U0ALICE');
    const click = await database.clickReply(reply, 'U0ALICE', runButton('disable-public-access'));
    expect(click.status).toBe(200);
    await clicker.settled();
    const modal = clicker.openModal('U0ALICE');
    expect(JSON.parse(String(modal['private_metadata']))).toMatchObject({
      seq: 1,
      runbookId: 'disable-public-access',
    });
    const shown = JSON.stringify(modal);
    expect(shown).toContain('AWSConfigRemediation-DisablePublicAccessToRDSInstance');
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"Disable public access"}');
    // Then prepared in place: the plan (or why it cannot run) replaces "Reading the document…".
    await vi.waitFor(() =>
      expect(JSON.stringify(clicker.openModal('U0ALICE'))).not.toContain('Reading the document'),
    );
  });

  it('is refused by the runbook flow to someone without the runbook permission', async () => {
    const reply = await checkReply('U0BOB');
    const views = harness.slack.views('U0BOB').length;
    const click = await database.clickReply(reply, 'U0BOB', runButton('encrypted-snapshot'));
    await clicker.settled();
    expect(harness.slack.responses(click.responseUrl).map((r) => r.text)).toEqual([
      "You do not have the `runbook` permission for incidents (set by `permissions.runbook` in warroom's config).",
    ]);
    expect(harness.slack.views('U0BOB')).toHaveLength(views);
  });
});
