import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { applyCpuAlarm as apply, notification, signalAt as now } from './signal-fixtures.ts';

describeEachStoreAdapter('cards', (adapter) => {
  it('tracks intent, posted ts and rendered version, and lists what needs a sync', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    expect(await store.listIncidentsNeedingCardSync()).toEqual([1]);
    const card = await store.beginCardPost(1, 'C0ALERTS', now);
    expect(card).toMatchObject({ incidentSeq: 1, channel: 'C0ALERTS', ts: undefined, renderedVersion: 0 });
    expect(await store.listIncidentsNeedingCardSync()).toEqual([1]);
    await store.recordCardPosted(1, 'C0ALERTS', '1700000000.000100', 1);
    expect(await store.listIncidentsNeedingCardSync()).toEqual([]);
    await store.saveNotification(notification('m2'));
    await apply(store, 'm2');
    expect(await store.listIncidentsNeedingCardSync()).toEqual([1]);
    await store.recordCardRendered(1, 'C0ALERTS', 2);
    expect(await store.listIncidentsNeedingCardSync()).toEqual([]);
    expect(await store.beginCardPost(1, 'C0ALERTS', now)).toMatchObject({
      channel: 'C0ALERTS',
      ts: '1700000000.000100',
    });
    expect(await store.beginCardPost(1, 'C0INCIDENT', now)).toMatchObject({
      channel: 'C0INCIDENT',
      ts: undefined,
    });
    expect((await store.listCards(1)).map((card) => card.channel)).toEqual(['C0ALERTS', 'C0INCIDENT']);
    expect(await store.listIncidentsNeedingCardSync()).toEqual([1]);
  });

  it('does not list a storm member with no card of its own, but still a stale card it had before', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    await store.mutateIncident(1, now, (incident) => ({
      kind: 'changed',
      incident: { ...incident, stormSeq: 9, version: incident.version + 1 },
      entry: { at: now, kind: 'annotation', actor: 'warroom', text: 'joined storm INC-9' },
    }));
    expect(await store.listIncidentsNeedingCardSync()).toEqual([]);
    await store.beginCardPost(1, 'C0ALERTS', now);
    await store.recordCardPosted(1, 'C0ALERTS', '1700000000.000100', 1);
    expect(await store.listIncidentsNeedingCardSync()).toEqual([1]);
  });
});
