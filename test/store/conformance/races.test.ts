import { expect, it } from 'vitest';
import { reopen, resolve } from '../../../src/incidents/transitions.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { applyCpuAlarm as apply, notification, signalAt as now } from './signal-fixtures.ts';

const at = (ms: number) => new Date(now.getTime() + ms);

/** What two warroom processes sharing one backing store do at the same moment. */
describeEachStoreAdapter('races between two Stores', (adapter) => {
  it('applies one notification once when two Stores apply it at once', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    for (const id of ['m1', 'm2']) await store.saveNotification(notification(id));
    const opening = await Promise.all([apply(store, 'm1'), apply(other, 'm1')]);
    expect(opening.map((outcome) => outcome.change).sort()).toEqual(['duplicate', 'opened']);
    const updating = await Promise.all([apply(other, 'm2'), apply(store, 'm2')]);
    expect(updating.map((outcome) => outcome.change).sort()).toEqual(['duplicate', 'updated']);
    expect((await other.getIncident(1))?.signalCount).toBe(2);
    expect(await store.listTimeline(1)).toHaveLength(2);
    expect((await store.listOpenIncidents()).map((incident) => incident.seq)).toEqual([1]);
  });

  it('numbers incidents opened at once for different problems without gaps or repeats', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    for (const id of ids) await store.saveNotification(notification(id));
    const outcomes = await Promise.all(
      ids.map((id, n) => apply(n % 2 === 0 ? store : other, id, `problem-${id}`)),
    );
    expect(outcomes.every((outcome) => outcome.change === 'opened')).toBe(true);
    const seqs = outcomes.map((outcome) => outcome.incident?.seq ?? 0).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [n, id] of ids.entries()) {
      expect((await other.getIncident(outcomes[n]?.incident?.seq ?? 0))?.groupKey).toBe(`problem-${id}`);
    }
  });

  it('creates one incident when two Stores submit the same declaration at once', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const { seq: _seq, ...declared } = openIncident();
    const entry = {
      at: now,
      kind: 'opened' as const,
      actor: 'U0ALICE',
      text: 'declared',
      dedupeKey: 'declare:V1',
    };
    const results = await Promise.all([
      store.createIncident(declared, entry),
      other.createIncident(declared, entry),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0]?.incident.seq).toBe(results[1]?.incident.seq);
    expect((await store.listOpenIncidents()).map((incident) => incident.seq)).toEqual([1]);
    expect(await other.listTimeline(1)).toHaveLength(1);
  });

  it('leaves one incident open for a problem when a reopen races a signal opening a new one', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    for (const id of ['m1', 'm2']) await store.saveNotification(notification(id));
    await apply(store, 'm1');
    await store.mutateIncident(1, at(1000), (incident) =>
      resolve(incident, 'done', { userId: 'U1' }, at(1000)),
    );
    const [reopened, signal] = await Promise.all([
      other.mutateIncident(1, at(2000), (incident) => reopen(incident, 'again', { userId: 'U1' }, at(2000))),
      apply(store, 'm2'),
    ]);
    const open = await store.listOpenIncidents();
    expect(open).toHaveLength(1);
    if (reopened.kind === 'changed') {
      // The reopen came first: the signal found INC-1 open again and added to it.
      expect(signal).toMatchObject({ change: 'updated', incident: { seq: 1 } });
      expect(open[0]?.seq).toBe(1);
    } else {
      expect(reopened).toMatchObject({ kind: 'unchanged', code: 'OTHER_OPEN' });
      expect(signal).toMatchObject({ change: 'opened', incident: { seq: 2 } });
      expect(open[0]?.seq).toBe(2);
      expect((await other.getIncident(1))?.status).toBe('resolved');
    }
  });
});

describeEachStoreAdapter('due notifications', (adapter) => {
  it('lists the oldest received first, even one whose retry came due after newer ones', async () => {
    const store = await adapter.open();
    const older = { ...notification('m-old'), receivedAt: now };
    await store.saveNotification(older);
    await store.recordNotificationFailure('m-old', 'throttled', at(60_000));
    const newer = Array.from({ length: 12 }, (_, n) => `m-new-${n}`);
    for (const [n, id] of newer.entries()) {
      await store.saveNotification({ ...notification(id), receivedAt: at(1000 * (n + 1)) });
    }
    // A small limit: the retried one must not lose its place to newer ones that came due before it.
    const due = await store.listDueNotifications(at(60_000), 2);
    expect(due.map((item) => item.messageId)).toEqual(['m-old', 'm-new-0']);
    expect((await store.listDueNotifications(at(30_000), 2)).map((item) => item.messageId)).toEqual([
      'm-new-0',
      'm-new-1',
    ]);
  });
});
