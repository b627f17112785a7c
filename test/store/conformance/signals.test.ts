import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { applyCpuAlarm as apply, notification, signalAt as now } from './signal-fixtures.ts';

describeEachStoreAdapter('signals', (adapter) => {
  it('opens one incident per group key and updates it for later signals', async () => {
    const store = await adapter.open();
    for (const id of ['m1', 'm2', 'm3']) await store.saveNotification(notification(id));
    const first = await apply(store, 'm1');
    const second = await apply(store, 'm2');
    const other = await apply(store, 'm3', 'k2');
    expect(first.change).toBe('opened');
    expect(second.change).toBe('updated');
    expect(second.incident?.seq).toBe(first.incident?.seq);
    expect(other.incident?.seq).not.toBe(first.incident?.seq);
    expect((await store.listOpenIncidents()).map((incident) => incident.seq)).toEqual([2, 1]);
    expect(await store.listTimeline(first.incident?.seq ?? 0)).toHaveLength(2);
    expect(await store.countNotifications('processed')).toBe(3);
  });

  it('applies a notification once even when asked twice', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const again = await apply(store, 'm1');
    expect(again.change).toBe('duplicate');
    expect(await store.listTimeline(1)).toHaveLength(1);
    expect((await store.getIncident(1))?.signalCount).toBe(1);
  });

  it('round-trips incident dates', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const incident = await store.getIncident(1);
    expect(incident?.openedAt).toEqual(now);
    expect(incident?.latestSignal.at).toEqual(now);
  });

  it('keeps the open signals with their impact and dates', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const stored = await store.getIncident(1);
    expect(stored?.openSignals).toEqual([
      expect.objectContaining({ title: 'CPU high on orders-db', impact: 3, at: now }),
    ]);
    expect(stored?.openSignals?.[0]?.at).toBeInstanceOf(Date);
  });
});
