import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { cardActionIds } from '../handlers/actions/slack-interactions.ts';
import { openRdsIncident } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// Alice may triage and run runbooks, Bob may only triage, Carol may do neither.
const YAML = `${defaultYaml()}permissions:\n  triage: [U0ALICE, U0BOB]\n  runbook: [U0ALICE]\n`;

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;

beforeAll(async () => {
  harness = await startHarness({ yaml: YAML });
  clicker = cardClicker(harness);
  const rds = harness.aws.state.rds;
  // The acceptance case: unencrypted and public, with a public manual snapshot; fine otherwise.
  rds.addInstance({
    id: 'orders-db',
    storageEncrypted: false,
    publiclyAccessible: true,
    multiAZ: true,
    deletionProtection: true,
    iamDatabaseAuthentication: true,
    backupRetentionPeriod: 7,
    allocatedStorage: 200,
  });
  rds.addSnapshot({ id: 'orders-db-export', instanceId: 'orders-db', public: true, encrypted: false });
  rds.addSnapshot({
    id: 'rds:orders-db-2026-11-22-03-00',
    instanceId: 'orders-db',
    type: 'automated',
    encrypted: false,
  });
  rds.addPendingMaintenance('orders-db', {
    action: 'system-update',
    description: 'New Operating System update is available',
    autoAppliedAfter: new Date('2026-12-01T00:00:00Z'),
  });
  rds.addCluster({
    id: 'orders-cluster',
    members: [{ instanceId: 'orders-c1' }, { instanceId: 'orders-c2' }],
  });
  rds.addInstance({ id: 'orders-c1', engine: 'aurora-postgresql', clusterId: 'orders-cluster' });
  rds.addInstance({
    id: 'orders-c2',
    engine: 'aurora-postgresql',
    clusterId: 'orders-cluster',
    publiclyAccessible: true,
  });

  const [alarm] = signedOrdersDbScenario(new Date());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
  await harness.warroom.triage.declare({ title: 'Checkout slow', impact: 3, actor: { userId: 'U0ALICE' } });
  await harness.warroom.settled();
  expect(await openRdsIncident(harness, { kind: 'rds-cluster', id: 'orders-cluster' })).toBe(3);
  expect(await openRdsIncident(harness, { kind: 'rds-snapshot', id: 'orders-db-export' })).toBe(4);
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-c2' })).toBe(5);
});

afterAll(async () => {
  await harness.stop();
});

/** The catalog id warroom runs a document under (the default catalog, as loaded from the config). */
function catalogId(document: string): string {
  const loaded = loadConfig(harness.env);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const id = loaded.config.runbooks.catalog.find((runbook) => runbook.document === document)?.id;
  if (!id) throw new Error(`no catalog runbook for ${document}`);
  return id;
}

const crossLines = (text: string) => text.split('\n').filter((line) => line.startsWith('✗'));
const tickLines = (text: string) => text.split('\n').filter((line) => line.startsWith('✓'));

describe('/incident rds check', () => {
  it('lists exactly the ✗ of an unencrypted public DB with a public snapshot, each with its runbook', async () => {
    const { sent, reply } = await runIncidentCommand(harness, 'rds INC-1 check', { userId: 'U0BOB' });
    expect(await sent.response.text()).toBe('');
    expect(reply.responseType).toBe('ephemeral');
    const text = reply.text ?? '';
    expect(text.split('\n')[0]).toBe(
      '*INC-1 · database check of DB instance `orders-db`*: 3 of 8 checks fail',
    );
    expect(crossLines(text).map((line) => /^✗ \*([^*]+)\*/.exec(line)?.[1])).toEqual([
      'Storage is not encrypted',
      'Publicly accessible',
      'Public manual snapshots: orders-db-export',
    ]);
    // Each ✗ names its AWS runbook, and how to start it when warroom's catalog has it for an instance.
    expect(crossLines(text).map((line) => /Fix: `([^`]+)`/.exec(line)?.[1])).toEqual([
      'AWS-CreateEncryptedRdsSnapshot',
      'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
      'AWSSupport-ModifyRDSSnapshotPermission',
    ]);
    expect(crossLines(text).map((line) => /run it with `([^`]+)`/.exec(line)?.[1])).toEqual([
      `/incident runbook INC-1 ${catalogId('AWS-CreateEncryptedRdsSnapshot')}`,
      `/incident runbook INC-1 ${catalogId('AWSConfigRemediation-DisablePublicAccessToRDSInstance')}`,
      undefined,
    ]);
    expect(crossLines(text)[2]).toContain(
      `(runbook \`${catalogId('AWSSupport-ModifyRDSSnapshotPermission')}\`, run from an incident about that resource)`,
    );
    expect(tickLines(text).map((line) => /^✓ \*([^*]+)\*/.exec(line)?.[1])).toEqual([
      'Automated backups on, kept 7 days',
      'Multi-AZ',
      'Deletion protection is on',
      'IAM database authentication is on',
      'Every manual snapshot that is not public is encrypted (a public one never is)',
    ]);
    expect(JSON.stringify(reply.blocks)).toContain('Publicly accessible');
    // Manual snapshots only, and the `restore` attribute of each.
    const snapshotCalls = harness.aws.requestsTo('rds', 'DescribeDBSnapshots');
    expect(snapshotCalls.at(-1)?.input).toMatchObject({
      DBInstanceIdentifier: 'orders-db',
      SnapshotType: 'manual',
    });
    expect(harness.aws.requestsTo('rds', 'DescribeDBSnapshotAttributes').map((call) => call.input)).toEqual([
      expect.objectContaining({ DBSnapshotIdentifier: 'orders-db-export' }),
    ]);
  });

  it('checks a cluster through its members, and a snapshot incident through that snapshot', async () => {
    const cluster = await runIncidentCommand(harness, 'rds 3 check');
    expect(cluster.reply.text).toContain('*INC-3 · database check of DB cluster `orders-cluster`*');
    expect(crossLines(cluster.reply.text ?? '').join('\n')).toContain(
      'Publicly accessible members: orders-c2',
    );
    const snapshot = await runIncidentCommand(harness, 'rds 4 check');
    expect(crossLines(snapshot.reply.text ?? '')[0]).toMatch(
      new RegExp(
        `^✗ \\*The snapshot is public\\* — .*\`/incident runbook INC-4 ${catalogId('AWSSupport-ModifyRDSSnapshotPermission')}\``,
      ),
    );
  });

  it('checks the cluster of an Aurora member instance, and says so', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 5 check');
    const text = reply.text ?? '';
    expect(text.split('\n')[0]).toMatch(/^\*INC-5 · database check of DB cluster `orders-cluster`\*/);
    expect(text).toContain('_orders-c2 is a member of this cluster, so the cluster was checked.');
  });
});

describe('/incident rds status', () => {
  it('shows engine, class, status, Multi-AZ, storage, endpoint and pending maintenance of an instance', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 1 status');
    const text = reply.text ?? '';
    expect(text).toContain('*INC-1 · DB instance `orders-db`*: available');
    expect(text).toContain('• Engine: postgres 16.4 · Class: db.t3.medium');
    expect(text).toContain('• Multi-AZ: yes (us-east-1a)');
    expect(text).toContain('• Storage: 200 GiB allocated (gp3); free space not known');
    expect(text).toMatch(/• Endpoint: `orders-db\.[0-9a-f]+\.us-east-1\.rds\.amazonaws\.com:5432`/);
    expect(text).toContain('◦ `system-update`: New Operating System update is available (applied after');
    const arn = harness.aws.state.rds.instances.get('orders-db')?.DBInstanceArn;
    expect(harness.aws.requestsTo('rds', 'DescribePendingMaintenanceActions').at(-1)?.input).toMatchObject({
      ResourceIdentifier: arn,
    });
  });

  it('shows a cluster with its writer and reader and both endpoints', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 3 status');
    expect(reply.text).toContain('• Members: `orders-c1` (writer), `orders-c2` (reader)');
    expect(reply.text).toMatch(/• Reader endpoint: `orders-cluster\.cluster-ro-[0-9a-f]+\./);
    expect(reply.text).toContain('• Pending maintenance: none');
  });

  it('puts each status it answered on the timeline, naming who read it, and nothing for a refusal', async () => {
    const reads = async (seq: number) =>
      (await harness.warroom.store.listTimeline(seq)).filter((entry) =>
        entry.dedupeKey?.startsWith('rds-read:status:'),
      );
    const before = (await reads(3)).length;
    await runIncidentCommand(harness, 'rds 3 status', { userId: 'U0BOB' });
    const after = await reads(3);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      kind: 'annotation',
      actor: 'U0BOB',
      text: 'read the database status of DB cluster orders-cluster',
    });
    const snapshotReads = (await reads(4)).length;
    await runIncidentCommand(harness, 'rds 4 status');
    expect(await reads(4)).toHaveLength(snapshotReads);
  });

  it('explains what it cannot do: status of a snapshot, an incident with no database', async () => {
    const snapshot = await runIncidentCommand(harness, 'rds 4 status');
    expect(snapshot.reply.text).toBe(
      'INC-4 is about DB snapshot `orders-db-export`; `rds status` works on a DB instance or DB cluster.',
    );
    const declared = await runIncidentCommand(harness, 'rds 2 check');
    expect(declared.reply.text).toContain('INC-2 is not about an RDS database');
  });
});

describe('/incident rds refusals', () => {
  it('answers bad input with the usage of rds', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 1 reboot');
    expect(reply.text).toBe(
      '`reboot` is not something `rds` does; try status, check, logs or snapshot.\nUsage: `/incident rds [id] status|check|logs [file] [lines]|snapshot` — logs shows the last 50 lines of the newest file unless told (at most 500); snapshot needs the `runbook` permission',
    );
    const tooMany = await runIncidentCommand(harness, 'rds 1 logs 900');
    expect(tooMany.reply.text).toContain('The line count must be 1 to 500.\nUsage: `/incident rds');
  });

  it('refuses, naming the permission: check without triage, snapshot without runbook', async () => {
    const before = harness.aws.requestsTo('rds').length;
    const check = await runIncidentCommand(harness, 'rds 1 check', { userId: 'U0CAROL' });
    expect(check.reply.text).toBe(
      "You do not have the `triage` permission for incidents (set by `permissions.triage` in warroom's config).",
    );
    const snapshot = await runIncidentCommand(harness, 'rds 1 snapshot', { userId: 'U0BOB' });
    expect(snapshot.reply.text).toBe(
      "You do not have the `runbook` permission for incidents (set by `permissions.runbook` in warroom's config).",
    );
    expect(harness.aws.requestsTo('rds').length).toBe(before);
  });
});

describe('Check snapshot on a snapshot card (the Database menu: incident-rds-menu.test.ts)', () => {
  it('is on RDS snapshot cards only, and answers the clicker alone with the check', async () => {
    expect(cardActionIds(clicker.card(4))).toContain(ACTION_IDS.checkDatabase);
    expect(cardActionIds(clicker.card(1))).not.toContain(ACTION_IDS.checkDatabase);
    expect(cardActionIds(clicker.card(1))).toContain(ACTION_IDS.databaseMenu);
    expect(cardActionIds(clicker.card(2))).not.toContain(ACTION_IDS.checkDatabase);
    const click = await clicker.click(clicker.card(4), 'U0BOB', ACTION_IDS.checkDatabase);
    expect(click.status).toBe(200);
    await clicker.settled();
    const [reply] = clicker.replies(click.responseUrl);
    expect(reply?.split('\n')[0]).toMatch(/^\*INC-4 · database check of DB snapshot `orders-db-export`\*/);
    expect(harness.slack.responses(click.responseUrl)[0]?.blocks?.length).toBeGreaterThan(0);
  });

  it('refuses a clicker without the triage permission', async () => {
    const click = await clicker.click(clicker.card(4), 'U0CAROL', ACTION_IDS.checkDatabase);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([
      "You do not have the `triage` permission for incidents (set by `permissions.triage` in warroom's config).",
    ]);
  });
});
