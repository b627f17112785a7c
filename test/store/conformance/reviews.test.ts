import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { declareIncident } from './declare-incident.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 10, minutes));
const canvas = {
  kind: 'canvas' as const,
  id: 'F0CANVAS1',
  channel: 'C0INC',
  url: 'https://x.slack.com/docs/T/F0CANVAS1',
};

describeEachStoreAdapter('reviews', (adapter) => {
  it('lets one of two replicas claim creating a review at once, and keeps what it delivered', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, at(0));
    const claims = await Promise.all([
      store.reviews.claim(seq, 'replica-a', at(1), at(-4)),
      other.reviews.claim(seq, 'replica-b', at(1), at(-4)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.reviews.claim(seq, 'replica-c', at(2), at(-3))).toBe(false);
    await store.reviews.recordDelivered(seq, canvas, at(2));
    expect(await other.reviews.get(seq)).toEqual({
      seq,
      status: 'draft',
      claimedBy: claims[0] ? 'replica-a' : 'replica-b',
      claimedAt: at(1),
      place: canvas,
      generatedAt: at(2),
    });
    expect(await store.reviews.get(seq + 1)).toBeUndefined();
  });

  it('lets another replica take over a claim that never delivered once it is stale, never a delivered one', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const first = await declareIncident(store, at(0));
    const second = await declareIncident(store, at(0), { groupKey: 'other-problem' });
    expect(await store.reviews.claim(first, 'dead', at(1), at(-4))).toBe(true);
    // Claimed at 1, stale before 0: not yet.
    expect(await other.reviews.claim(first, 'alive', at(5), at(0))).toBe(false);
    expect(await other.reviews.claim(first, 'alive', at(6), at(1))).toBe(true);
    expect((await store.reviews.get(first))?.claimedBy).toBe('alive');
    expect(await store.reviews.claim(second, 'a', at(1), at(-4))).toBe(true);
    await store.reviews.recordDelivered(second, canvas, at(1));
    expect(await other.reviews.claim(second, 'b', at(30), at(29))).toBe(false);
  });

  it('completes a delivered draft once, and refuses to regenerate it afterwards', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const seq = await declareIncident(store, at(0));
    expect(await store.reviews.claim(seq, 'a', at(1), at(-4))).toBe(true);
    // Not delivered yet: nothing to complete.
    expect(await store.reviews.complete(seq, 'U0ALICE', at(1))).toBe(false);
    await store.reviews.recordDelivered(seq, { ...canvas, kind: 'file', threadTs: '1.000100' }, at(2));
    expect(await store.reviews.recordGenerated(seq, at(3))).toBe(true);
    const done = await Promise.all([
      store.reviews.complete(seq, 'U0ALICE', at(4)),
      other.reviews.complete(seq, 'U0BOB', at(4)),
    ]);
    expect(done.filter(Boolean)).toHaveLength(1);
    expect(await store.reviews.recordGenerated(seq, at(5))).toBe(false);
    const review = await other.reviews.get(seq);
    expect(review).toMatchObject({
      status: 'complete',
      completedBy: done[0] ? 'U0ALICE' : 'U0BOB',
      completedAt: at(4),
      generatedAt: at(3),
      place: { kind: 'file', threadTs: '1.000100' },
    });
  });
});
