import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { LeasedWork } from '../../src/work/leased-work.ts';

const stores: SqliteStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function twoReplicas(leaseMs = 30_000) {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'warroom-lease-')), 'w.db'));
  stores.push(store);
  const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
  const replica = (owner: string) => new LeasedWork({ leases: store.leases, owner, clock, leaseMs });
  return { store, clock, a: replica('a'), b: replica('b') };
}

describe('LeasedWork', () => {
  it('runs work on one replica at a time, and on the other once it is done', async () => {
    const { a, b } = twoReplicas();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ran: string[] = [];
    const first = a.run('card:1', async () => {
      ran.push('a');
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await b.run('card:1', async () => void ran.push('b'))).toBe('busy');
    expect(await b.run('card:2', async () => void ran.push('b2'))).toBe('done');
    release();
    expect(await first).toBe('done');
    expect(await b.run('card:1', async () => void ran.push('b'))).toBe('done');
    expect(ran).toEqual(['a', 'b2', 'b']);
  });

  it('renews the lease while the work runs longer than the lease', async () => {
    const { a, b, clock } = twoReplicas(60);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = a.run('exec:x', () => held);
    // Time moves on past the first lease; a's renewals (every 20 ms) keep taking it further.
    for (let step = 0; step < 5; step++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      clock.advance(25);
    }
    expect(await b.run('exec:x', async () => {})).toBe('busy');
    release();
    await first;
  });

  it('lets another replica take over the work of one that stopped renewing, once the lease ran out', async () => {
    const { store, b, clock } = twoReplicas();
    expect(
      await store.leases.acquire('outbox:3', 'killed', clock.now(), new Date(clock.now().getTime() + 30_000)),
    ).toBe(true);
    expect(await b.run('outbox:3', async () => {})).toBe('busy');
    clock.advance(30_000);
    expect(await b.run('outbox:3', async () => {})).toBe('done');
  });

  it('gives every held lease up on releaseAll, so a stop does not make the next replica wait', async () => {
    const { a, b } = twoReplicas();
    const never = new Promise<void>(() => {});
    void a.run('card:9', () => never);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await b.run('card:9', async () => {})).toBe('busy');
    await a.releaseAll();
    expect(await b.run('card:9', async () => {})).toBe('done');
  });
});
