import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAlert } from '../../src/incidents/apply-alert.ts';
import type { Alert } from '../../src/signals/alert.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

const now = new Date('2026-11-22T09:00:00Z');
const stores: SqliteStore[] = [];

function openStore(path = join(mkdtempSync(join(tmpdir(), 'warroom-store-')), 'w.db')) {
  const store = new SqliteStore(path);
  stores.push(store);
  return { store, path };
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const alert: Alert = {
  source: 'cloudwatch-alarm',
  signalType: 'cloudwatch-alarm:ALARM',
  title: 'CPU high on orders-db',
  detail: 'd',
  occurredAt: now,
  resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '123456789012' },
  facts: [],
};

function notification(messageId: string) {
  return {
    messageId,
    topicArn: 'arn:aws:sns:us-east-1:123456789012:t',
    message: '{}',
    timestamp: now,
    receivedAt: now,
  };
}

function apply(store: SqliteStore, messageId: string, groupKey = 'k1') {
  return store.applySignal(messageId, groupKey, now, (open) =>
    applyAlert({ open, alert, decision: { effect: 'open', impact: 3 }, groupKey, messageId, now }),
  );
}

describe('SqliteStore inbox', () => {
  it('stores a MessageId once; a redelivery is a duplicate', async () => {
    const { store } = openStore();
    expect(await store.saveNotification(notification('m1'))).toBe('stored');
    expect(await store.saveNotification(notification('m1'))).toBe('duplicate');
    expect(await store.listDueNotifications(now, 10)).toHaveLength(1);
  });

  it('keeps pending notifications across a reopen of the file (what a crash leaves)', async () => {
    const { store, path } = openStore();
    await store.saveNotification(notification('m1'));
    store.close();
    const { store: reopened } = openStore(path);
    const due = await reopened.listDueNotifications(now, 10);
    expect(due.map((item) => item.messageId)).toEqual(['m1']);
  });

  it('retries a failed notification at its retry time, and marks it failed for good without one', async () => {
    const { store } = openStore();
    await store.saveNotification(notification('m1'));
    await store.saveNotification(notification('m2'));
    await store.recordNotificationFailure('m1', 'boom', new Date(now.getTime() + 60_000));
    await store.recordNotificationFailure('m2', 'boom', undefined);
    expect(await store.listDueNotifications(now, 10)).toEqual([]);
    const later = await store.listDueNotifications(new Date(now.getTime() + 60_000), 10);
    expect(later.map((item) => [item.messageId, item.attempts])).toEqual([['m1', 1]]);
    expect(await store.countNotifications('failed')).toBe(1);
  });
});

describe('SqliteStore signals', () => {
  it('opens one incident per group key and updates it for later signals', async () => {
    const { store } = openStore();
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
    const { store } = openStore();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const again = await apply(store, 'm1');
    expect(again.change).toBe('duplicate');
    expect(await store.listTimeline(1)).toHaveLength(1);
    expect((await store.getIncident(1))?.signalCount).toBe(1);
  });

  it('round-trips incident dates', async () => {
    const { store } = openStore();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const incident = await store.getIncident(1);
    expect(incident?.openedAt).toEqual(now);
    expect(incident?.latestSignal.at).toEqual(now);
  });

  it('keeps the open signals with their impact and dates, and reads an incident stored without them', async () => {
    const { store, path } = openStore();
    await store.saveNotification(notification('m1'));
    await apply(store, 'm1');
    const stored = await store.getIncident(1);
    expect(stored?.openSignals).toEqual([
      expect.objectContaining({ title: 'CPU high on orders-db', impact: 3, at: now }),
    ]);
    expect(stored?.openSignals?.[0]?.at).toBeInstanceOf(Date);
    store.close();
    // What an older warroom wrote: the same JSON without openSignals (nor a signal impact).
    const db = new Database(path);
    const row = db.prepare('SELECT data FROM incidents WHERE seq = 1').get() as { data: string };
    const { openSignals: _dropped, ...older } = JSON.parse(row.data) as Record<string, unknown>;
    db.prepare('UPDATE incidents SET data = ? WHERE seq = 1').run(JSON.stringify(older));
    db.close();
    const { store: reopened } = openStore(path);
    const legacy = await reopened.getIncident(1);
    expect(legacy).toBeDefined();
    expect(legacy && 'openSignals' in legacy).toBe(false);
    expect(legacy?.latestSignal.at).toEqual(now);
  });
});

describe('SqliteStore cards', () => {
  it('tracks intent, posted ts and rendered version, and lists what needs a sync', async () => {
    const { store } = openStore();
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
    const { store } = openStore();
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
