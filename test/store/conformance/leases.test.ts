import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, seconds));

describeEachStoreAdapter('leases', (adapter) => {
  it('gives a lease to one of two replicas asking at once, and lets its owner renew it', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    const taken = await Promise.all([
      store.leases.acquire('card:1', 'replica-a', at(0), at(30)),
      other.leases.acquire('card:1', 'replica-b', at(0), at(30)),
    ]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    const winner = taken[0] ? 'replica-a' : 'replica-b';
    const loser = taken[0] ? 'replica-b' : 'replica-a';
    expect(await other.leases.acquire('card:1', winner, at(10), at(40))).toBe(true);
    // Renewed to 40 s: still held at 35 s.
    expect(await store.leases.acquire('card:1', loser, at(35), at(65))).toBe(false);
    expect(await store.leases.acquire('card:2', loser, at(35), at(65))).toBe(true);
  });

  it('lets another replica take a lease that ran out (its owner died holding it)', async () => {
    const store = await adapter.open();
    const other = await adapter.openAnother(store);
    expect(await store.leases.acquire('outbox:7', 'dead', at(0), at(30))).toBe(true);
    expect(await other.leases.acquire('outbox:7', 'alive', at(29), at(59))).toBe(false);
    expect(await other.leases.acquire('outbox:7', 'alive', at(30), at(60))).toBe(true);
    expect(await store.leases.acquire('outbox:7', 'dead', at(31), at(61))).toBe(false);
  });

  it('frees a released lease at once, and ignores a release by anyone but its owner', async () => {
    const store = await adapter.open();
    expect(await store.leases.acquire('exec:x', 'a', at(0), at(30))).toBe(true);
    await store.leases.release('exec:x', 'b');
    expect(await store.leases.acquire('exec:x', 'b', at(1), at(31))).toBe(false);
    await store.leases.release('exec:x', 'a');
    expect(await store.leases.acquire('exec:x', 'b', at(1), at(31))).toBe(true);
  });

  it('keeps a lease across a restart of the replica that holds it', async (context) => {
    if (!adapter.reopen) return context.skip();
    const store = await adapter.open();
    expect(await store.leases.acquire('card:3', 'a', at(0), at(30))).toBe(true);
    const reopened = await adapter.reopen(store);
    expect(await reopened.leases.acquire('card:3', 'b', at(5), at(35))).toBe(false);
  });
});
