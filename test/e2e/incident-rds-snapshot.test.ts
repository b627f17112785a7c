import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { isValidRdsIdentifier } from '../../src/rds/snapshot-name.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardThread, openRdsIncident } from '../support/rds-incidents.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

// One clock for warroom and the emulator: a snapshot becomes available when the test says so.
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock });
  const rds = harness.aws.state.rds;
  rds.addInstance({ id: 'orders-db' });
  rds.addCluster({ id: 'orders-cluster', members: [{ instanceId: 'orders-c1' }] });
  rds.addInstance({ id: 'busy-db', status: 'rebooting' });
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-db' })).toBe(1);
  expect(await openRdsIncident(harness, { kind: 'rds-cluster', id: 'orders-cluster' })).toBe(2);
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'busy-db' })).toBe(3);
});

afterAll(async () => {
  await harness.stop();
});

async function threadMessage(seq: number, pattern: RegExp) {
  return vi.waitFor(
    async () => {
      const found = (await cardThread(harness, seq)).find((message) => pattern.test(message.text));
      if (!found) throw new Error(`no thread message matching ${pattern}`);
      return found;
    },
    { timeout: 5000, interval: 50 },
  );
}

describe('/incident rds snapshot', () => {
  let name = '';

  it('creates one snapshot named from the incident and the minute, and puts it on the timeline', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 1 snapshot');
    const calls = harness.aws.requestsTo('rds', 'CreateDBSnapshot');
    expect(calls).toHaveLength(1);
    name = String((calls[0]?.input as { DBSnapshotIdentifier?: string } | undefined)?.DBSnapshotIdentifier);
    expect(name).toMatch(/^warroom-inc-1-\d{8}-\d{4}$/);
    expect(isValidRdsIdentifier(name, 255)).toBe(true);
    expect(calls[0]?.input).toMatchObject({ DBInstanceIdentifier: 'orders-db' });
    expect(reply.text).toBe(
      `INC-1: snapshot \`${name}\` of DB instance \`orders-db\` started (creating). It is on the timeline, and warroom reports in the card's thread when it is available.`,
    );
    expect(harness.aws.state.rds.snapshots.get(name)?.snapshot).toMatchObject({ SnapshotType: 'manual' });
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((entry) => entry.kind === 'annotation')).toEqual([
      expect.objectContaining({
        actor: 'U0ALICE',
        text: `took a snapshot of DB instance orders-db: ${name}`,
      }),
    ]);
  });

  it('takes no second snapshot when asked again within the minute', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 1 snapshot', { userId: 'U0BOB' });
    expect(reply.text).toBe(
      `Snapshot \`${name}\` of DB instance \`orders-db\` was already started this minute; its report follows in the card's thread.`,
    );
    expect(harness.aws.state.rds.snapshots.size).toBe(1);
    expect(
      (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'annotation'),
    ).toHaveLength(1);
  });

  it('reports in the card thread, and on the timeline, once the snapshot is available', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await cardThread(harness, 1)).some((message) => message.text.includes('is available'))).toBe(
      false,
    );
    clock.advance(61_000);
    const message = await threadMessage(1, /is available/);
    expect(message.text).toBe(`✅ Snapshot \`${name}\` of \`orders-db\` is available (after about 1 min).`);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.at(-1)).toMatchObject({
      kind: 'annotation',
      actor: 'aws:rds',
      text: `snapshot ${name} is available`,
    });
  });

  it('snapshots a cluster with CreateDBClusterSnapshot and reports it too', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 2 snapshot');
    expect(reply.text).toMatch(
      /^INC-2: snapshot `warroom-inc-2-\d{8}-\d{4}` of DB cluster `orders-cluster` started/,
    );
    expect(harness.aws.requestsTo('rds', 'CreateDBClusterSnapshot').map((call) => call.input)).toEqual([
      expect.objectContaining({ DBClusterIdentifier: 'orders-cluster' }),
    ]);
    clock.advance(61_000);
    await threadMessage(2, /^✅ Snapshot `warroom-inc-2-\d{8}-\d{4}` of `orders-cluster` is available/);
  });

  it('says plainly when RDS refuses because the DB is not available', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 3 snapshot');
    expect(reply.text).toBe(
      'RDS takes a snapshot only of an available DB instance, and this one is not available now. Try the command again.',
    );
    expect(
      (await harness.warroom.store.listTimeline(3)).filter((entry) => entry.kind === 'annotation'),
    ).toEqual([]);
  });
});
