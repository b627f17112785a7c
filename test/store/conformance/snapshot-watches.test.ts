import { expect, it } from 'vitest';
import type { NewSnapshotWatch, SnapshotKey } from '../../../src/store/snapshot-watch-store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const snapshot: SnapshotKey = { kind: 'instance', snapshotId: 'warroom-orders-db-1' };

const watch = (seq: number): NewSnapshotWatch => ({
  ...snapshot,
  seq,
  sourceId: 'orders-db',
  startedBy: 'U0ALICE',
  startedAt: now,
  delayMs: 30_000,
  nextCheckAt: later(30_000),
});

describeEachStoreAdapter('snapshot watches', (adapter) => {
  it('records a watch once, keeps instance and cluster snapshots apart, and lists it when its look is due', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    expect(await store.snapshotWatches.add(watch(seq))).toBe(true);
    expect(await store.snapshotWatches.add({ ...watch(seq), sourceId: 'other-db' })).toBe(false);
    expect(await store.snapshotWatches.add({ ...watch(seq), kind: 'cluster' })).toBe(true);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({
      sourceId: 'orders-db',
      status: 'watching',
      nextCheckAt: later(30_000),
      attempts: 0,
    });
    expect(await store.snapshotWatches.listDue(now, 10)).toEqual([]);
    expect(await store.snapshotWatches.listDue(later(30_000), 10)).toHaveLength(2);
    await store.snapshotWatches.recordLook(snapshot, later(90_000), 60_000);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({ attempts: 1, delayMs: 60_000 });
    expect((await store.snapshotWatches.listDue(later(30_000), 10)).map((due) => due.kind)).toEqual([
      'cluster',
    ]);
  });

  it('lets one of two Store instances claim the report, and takes a claim that ran out again', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, now);
    await store.snapshotWatches.add(watch(seq));
    const claims = await Promise.all([
      store.snapshotWatches.claimReport(snapshot, { kind: 'available' }, later(30_000), later(90_000)),
      other.snapshotWatches.claimReport(snapshot, { kind: 'gone' }, later(30_000), later(90_000)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const claimed = await other.snapshotWatches.get(snapshot);
    expect(claimed).toMatchObject({ status: 'reporting', reportAttempts: 1, nextCheckAt: later(90_000) });
    expect(
      await store.snapshotWatches.claimReport(snapshot, { kind: 'gave-up' }, later(60_000), later(120_000)),
    ).toBe(false);
    await store.snapshotWatches.recordReportFailure(snapshot, 'Slack said ratelimited');
    // The claim ran out: taken again, with the outcome it had.
    expect(
      await other.snapshotWatches.claimReport(snapshot, { kind: 'gave-up' }, later(90_000), later(150_000)),
    ).toBe(true);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({
      outcome: claimed?.outcome,
      reportAttempts: 2,
    });
  });

  it('never looks at a finished watch again', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.snapshotWatches.add(watch(seq));
    expect(await store.snapshotWatches.countActive()).toBe(1);
    await store.snapshotWatches.finish(snapshot, later(30_000));
    expect(await store.snapshotWatches.countActive()).toBe(0);
    expect(await store.snapshotWatches.listDue(later(600_000), 10)).toEqual([]);
    expect(
      await store.snapshotWatches.claimReport(
        snapshot,
        { kind: 'available' },
        later(600_000),
        later(660_000),
      ),
    ).toBe(false);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({
      status: 'done',
      nextCheckAt: undefined,
    });
  });

  it('lists due watches by their next look, earliest first, up to the limit', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const ids = ['snap-late', 'snap-early', 'snap-middle'];
    const looks = [later(90_000), later(10_000), later(50_000)];
    for (const [i, snapshotId] of ids.entries()) {
      await store.snapshotWatches.add({ ...watch(seq), snapshotId, nextCheckAt: looks[i]! });
    }
    expect((await store.snapshotWatches.listDue(later(120_000), 2)).map((due) => due.snapshotId)).toEqual([
      'snap-early',
      'snap-middle',
    ]);
  });

  it('counts a look only while watching: a claimed report is not looked at or counted again', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.snapshotWatches.add(watch(seq));
    expect(
      await store.snapshotWatches.claimReport(snapshot, { kind: 'available' }, later(30_000), later(90_000)),
    ).toBe(true);
    await store.snapshotWatches.recordLook(snapshot, later(60_000), 60_000);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({
      status: 'reporting',
      nextCheckAt: later(90_000),
      delayMs: 30_000,
      attempts: 1,
    });
    expect(await store.snapshotWatches.listDue(later(60_000), 10)).toEqual([]);
    expect(
      await store.snapshotWatches.claimReport(snapshot, { kind: 'gone' }, later(90_000), later(150_000)),
    ).toBe(true);
    expect(await store.snapshotWatches.get(snapshot)).toMatchObject({
      outcome: { kind: 'available' },
      attempts: 1,
      reportAttempts: 2,
      nextCheckAt: later(150_000),
    });
  });
});
