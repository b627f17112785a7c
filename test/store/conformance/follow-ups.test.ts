import { expect, it } from 'vitest';
import type { FollowUp } from '../../../src/store/follow-up-store.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const now = new Date('2026-11-22T09:30:00Z');
const later = new Date('2026-11-22T10:00:00Z');

const followUp = (seq: number, id: string, at = now, extra: Partial<FollowUp> = {}): FollowUp => ({
  id,
  seq,
  title: `Fix ${id}`,
  status: 'open',
  createdBy: 'U0ALICE',
  createdAt: at,
  statusAt: at,
  ...extra,
});

describeEachStoreAdapter('follow-ups', (adapter) => {
  it('creates a follow-up once per request and lists it with its incident, oldest first', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    const first = followUp(seq, 'fu-000000000b', later, { owner: 'U0BOB', due: '2026-12-01' });
    expect(await store.followUps.create(first, 'view:1')).toEqual({ followUp: first, created: true });
    const again = await store.followUps.create({ ...first, id: 'fu-000000000c', title: 'other' }, 'view:1');
    expect(again).toEqual({ followUp: first, created: false });
    await store.followUps.create(followUp(seq, 'fu-000000000a'), 'view:2');
    expect((await store.followUps.listFor(seq)).map((item) => item.id)).toEqual([
      'fu-000000000a',
      'fu-000000000b',
    ]);
    expect(await store.followUps.get('fu-000000000b')).toEqual(first);
    expect(await store.followUps.get('fu-00000000ff')).toBeUndefined();
  });

  it('creates once when two Stores see the same request at once', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, now);
    const results = await Promise.all([
      store.followUps.create(followUp(seq, 'fu-00000000a1'), 'trigger:race'),
      other.followUps.create(followUp(seq, 'fu-00000000a2'), 'trigger:race'),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results[0]?.followUp.id).toBe(results[1]?.followUp.id);
    expect(await store.followUps.listFor(seq)).toHaveLength(1);
  });

  it('marks done with who and when, reopens clearing both, and lists only the open ones', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.followUps.create(followUp(seq, 'fu-0000000001'), 'a');
    await store.followUps.create(followUp(seq, 'fu-0000000002', later), 'b');
    const done = await store.followUps.setStatus('fu-0000000001', 'done', 'U0BOB', later);
    expect(done).toMatchObject({ status: 'done', doneBy: 'U0BOB', doneAt: later, statusAt: later });
    expect((await store.followUps.listOpen()).map((item) => item.id)).toEqual(['fu-0000000002']);
    const reopened = await store.followUps.setStatus('fu-0000000001', 'open', 'U0BOB', later);
    expect(reopened).toEqual({ ...followUp(seq, 'fu-0000000001'), statusAt: later });
    expect((await store.followUps.listOpen()).map((item) => item.id)).toEqual([
      'fu-0000000001',
      'fu-0000000002',
    ]);
    // Done in OpsCenter: nobody in Slack did it.
    expect(await store.followUps.setStatus('fu-0000000002', 'done', undefined, later)).toEqual({
      ...followUp(seq, 'fu-0000000002', later),
      status: 'done',
      doneAt: later,
      statusAt: later,
    });
    expect(await store.followUps.setStatus('fu-00000000ff', 'done', 'U0BOB', later)).toBeUndefined();
  });

  it('links the first OpsItem only, records when it was synced, and forgets that when the status changes here', async () => {
    const store = await adapter.open();
    const seq = await declareIncident(store, now);
    await store.followUps.create(followUp(seq, 'fu-0000000001'), 'a');
    const linked = await store.followUps.linkOpsItem('fu-0000000001', 'oi-0123456789ab', now);
    expect(linked).toMatchObject({ opsItemId: 'oi-0123456789ab', lastSyncedAt: now });
    await store.followUps.linkOpsItem('fu-0000000001', 'oi-ffffffffffff', later);
    await store.followUps.markSynced('fu-0000000001', later);
    expect(await store.followUps.get('fu-0000000001')).toMatchObject({
      opsItemId: 'oi-0123456789ab',
      lastSyncedAt: later,
    });
    // A status changed here is not in OpsCenter until it is synced again.
    const done = await store.followUps.setStatus('fu-0000000001', 'done', 'U0BOB', later);
    expect(done?.lastSyncedAt).toBeUndefined();
    expect(done?.opsItemId).toBe('oi-0123456789ab');
  });
});
