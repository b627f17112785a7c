import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { databaseClicker } from '../handlers/actions/database-clicks.ts';
import { cardThread, openRdsIncident } from '../support/rds-incidents.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

// One clock for warroom and the emulator: the snapshot becomes available when the test says so.
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  expect(await openRdsIncident(harness, { kind: 'rds-instance', id: 'orders-db' })).toBe(1);
});

afterAll(async () => {
  await harness.stop();
});

const availableReports = async () =>
  (await cardThread(harness, 1)).filter((message) => message.text.includes('is available'));

describe('a snapshot taken from the card, across a restart', () => {
  let name = '';

  it('is taken from the Database menu and watched from the store', async () => {
    const clicker = cardClicker(harness);
    const database = databaseClicker(harness, clicker);
    const menu = await database.choose(clicker.card(1), 'U0ALICE', 'snapshot');
    await clicker.settled();
    const [prompt] = harness.slack.responses(menu.responseUrl);
    await database.clickReply(prompt!, 'U0ALICE', (button) => button.action_id === ACTION_IDS.takeSnapshot);
    await clicker.settled();
    const calls = harness.aws.requestsTo('rds', 'CreateDBSnapshot');
    expect(calls).toHaveLength(1);
    name = String((calls[0]?.input as { DBSnapshotIdentifier?: string } | undefined)?.DBSnapshotIdentifier);
    expect(
      await harness.warroom.store.snapshotWatches.get({ kind: 'instance', snapshotId: name }),
    ).toMatchObject({
      seq: 1,
      sourceId: 'orders-db',
      startedBy: 'U0ALICE',
      status: 'watching',
      attempts: 0,
    });
  });

  it('after a restart before it is available, reports "available" exactly once when it is', async () => {
    // The first look (after 15 s of clock) still sees it creating.
    clock.advance(20_000);
    await vi.waitFor(
      async () =>
        expect(
          await harness.warroom.store.snapshotWatches.get({ kind: 'instance', snapshotId: name }),
        ).toMatchObject({ status: 'watching', attempts: 1 }),
      { timeout: 5000, interval: 50 },
    );
    await harness.restart();
    expect(await availableReports()).toEqual([]);

    clock.advance(60_000);
    const [report] = await vi.waitFor(
      async () => {
        const found = await availableReports();
        if (found.length === 0) throw new Error('no report yet');
        return found;
      },
      { timeout: 5000, interval: 50 },
    );
    expect(report?.text).toBe(`✅ Snapshot \`${name}\` of \`orders-db\` is available (after about 1 min).`);
    await harness.warroom.settled();
    const watch = await harness.warroom.store.snapshotWatches.get({ kind: 'instance', snapshotId: name });
    expect(watch).toMatchObject({ status: 'done', outcome: { kind: 'available' } });

    // More clock, more ticks, another restart: still one report and one timeline entry.
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await harness.restart();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await availableReports()).toHaveLength(1);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((entry) => entry.text === `snapshot ${name} is available`)).toHaveLength(1);
    expect(await harness.warroom.store.snapshotWatches.countActive()).toBe(0);
  });
});
