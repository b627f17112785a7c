import { expect, it } from 'vitest';
import type { PageDmRecord } from '../../../src/store/page-dm-store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');

const dm = (seq: number, ts: string, renderedVersion = 1): PageDmRecord => ({
  channel: 'D0ALICE',
  ts,
  seq,
  reason: { kind: 'stage', policy: 'default', index: 0, repeat: false },
  renderedVersion,
});

describeEachStoreAdapter('page DMs', (adapter) => {
  it('records a DM once and lists those behind a version', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.pageDms.record(dm(seq, '1.000001'));
    await store.pageDms.record(dm(seq, '1.000001', 5));
    await store.pageDms.record({ ...dm(seq, '1.000002', 3), reason: { kind: 'manual', by: 'U0BOB' } });
    expect(await store.pageDms.listFor(seq)).toEqual([
      dm(seq, '1.000001'),
      { ...dm(seq, '1.000002', 3), reason: { kind: 'manual', by: 'U0BOB' } },
    ]);
    expect((await store.pageDms.listBehind(seq, 3)).map((record) => record.ts)).toEqual(['1.000001']);
  });

  it('only ever moves a rendered version forward', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.pageDms.record(dm(seq, '1.000001'));
    await store.pageDms.markRendered('D0ALICE', '1.000001', 4);
    await store.pageDms.markRendered('D0ALICE', '1.000001', 2);
    expect((await store.pageDms.listFor(seq))[0]?.renderedVersion).toBe(4);
  });

  it("moves a member's DMs to its storm, to be redrawn, remembering the member", async () => {
    const store = await adapter.open();
    const member = await declareIncident(store, now);
    const storm = await declareIncident(store, now, { groupKey: 'storm:k' });
    await store.pageDms.record(dm(member, '1.000001', 3));
    expect(await store.pageDms.moveToStorm(member, storm)).toBe(1);
    expect(await store.pageDms.listFor(member)).toEqual([]);
    expect(await store.pageDms.listFor(storm)).toEqual([{ ...dm(storm, '1.000001', 0), memberSeq: member }]);
  });

  it('moves each DM once when two Stores move the same member at once', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const member = await declareIncident(store, now);
    const storm = await declareIncident(store, now, { groupKey: 'storm:k' });
    for (const ts of ['1.000001', '1.000002', '1.000003']) await store.pageDms.record(dm(member, ts, 2));
    const moved = await Promise.all([
      store.pageDms.moveToStorm(member, storm),
      other.pageDms.moveToStorm(member, storm),
    ]);
    expect(moved[0] + moved[1]).toBe(3);
    expect(await store.pageDms.moveToStorm(member, storm)).toBe(0);
    expect((await other.pageDms.listBehind(storm, 1)).map((record) => [record.ts, record.memberSeq])).toEqual(
      [
        ['1.000001', member],
        ['1.000002', member],
        ['1.000003', member],
      ],
    );
  });

  it('moves more DMs than one transaction holds, leaving other incidents alone', async () => {
    const store = await adapter.open();
    const member = await declareIncident(store, now);
    const storm = await declareIncident(store, now, { groupKey: 'storm:k' });
    const bystander = await declareIncident(store, now, { groupKey: 'bystander:k' });
    const stamps = Array.from({ length: 130 }, (_, n) => `2.${String(n).padStart(6, '0')}`);
    await Promise.all(stamps.map((ts) => store.pageDms.record(dm(member, ts))));
    await store.pageDms.record(dm(bystander, '3.000001'));
    expect(await store.pageDms.moveToStorm(member, storm)).toBe(130);
    const moved = await store.pageDms.listFor(storm);
    expect(moved.map((record) => record.ts)).toEqual(stamps);
    expect(moved.every((record) => record.memberSeq === member && record.renderedVersion === 0)).toBe(true);
    expect(await store.pageDms.listFor(bystander)).toEqual([dm(bystander, '3.000001')]);
  });

  it('ignores a rendered mark for a DM never recorded', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.pageDms.markRendered('D0NOBODY', '9.000001', 3);
    await store.pageDms.record(dm(seq, '9.000001'));
    expect(await store.pageDms.listFor(seq)).toEqual([dm(seq, '9.000001')]);
  });
});
