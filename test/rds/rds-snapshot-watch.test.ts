import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import type { DbSnapshotFacts } from '../../src/rds/rds-facts.ts';
import {
  SnapshotWatch,
  type SnapshotWatchOutcome,
  type SnapshotWatchRecord,
} from '../../src/rds/rds-snapshot-watch.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

const clock = new ManualClock('2026-11-22T09:31:00Z');
const logger = createLogger({ level: 'silent' });
const KEY = { kind: 'instance' as const, snapshotId: 'warroom-inc-1' };

let store: SqliteStore;
const watches: SnapshotWatch[] = [];

afterEach(() => {
  for (const watch of watches.splice(0)) watch.stop();
  store?.close();
});

async function newStore(): Promise<SqliteStore> {
  store = new SqliteStore(':memory:');
  const { seq, ...incident } = openIncident();
  await store.createIncident(incident, {
    at: clock.now(),
    kind: 'opened',
    actor: 'test',
    text: `was ${seq}`,
  });
  return store;
}

/** A watch over `store` whose DescribeDBSnapshots answers `statusAt()`; reports may be made to fail. */
function watchOver(statusAt: () => string | Error, options: { failReports?: number } = {}) {
  const reads: Date[] = [];
  const outcomes: Array<{ watch: SnapshotWatchRecord; outcome: SnapshotWatchOutcome }> = [];
  let failures = options.failReports ?? 0;
  const describe = async (id: string): Promise<DbSnapshotFacts> => {
    reads.push(clock.now());
    const status = statusAt();
    if (status instanceof Error) throw status;
    return { id, type: 'manual', status, encrypted: true };
  };
  const watch = new SnapshotWatch({
    rds: { describeSnapshot: describe, describeClusterSnapshot: describe },
    store,
    clock,
    logger,
    tickMs: 60_000,
    onOutcome: async (record, outcome) => {
      if (failures-- > 0) throw new Error('Slack is down');
      outcomes.push({ watch: record, outcome });
    },
  });
  watches.push(watch);
  return { watch, reads, outcomes };
}

async function started(statusAt: () => string | Error, options: { failReports?: number } = {}) {
  await newStore();
  const setup = watchOver(statusAt, options);
  await setup.watch.add({
    seq: 1,
    ...KEY,
    sourceId: 'orders-db',
    startedBy: 'U0ALICE',
    startedAt: clock.now(),
  });
  return setup;
}

describe('SnapshotWatch', () => {
  it('looks after 15 s, then backs off (30 s, 60 s …) on the injected clock, and reports available once', async () => {
    let status = 'creating';
    const { watch, reads, outcomes } = await started(() => status);
    await watch.tick();
    expect(reads).toHaveLength(0);
    clock.advance(15_000);
    await watch.tick();
    expect(reads).toHaveLength(1);
    clock.advance(29_000);
    await watch.tick();
    expect(reads).toHaveLength(1);
    clock.advance(1_000);
    await watch.tick();
    expect(reads).toHaveLength(2);
    status = 'available';
    clock.advance(60_000);
    await watch.tick();
    await watch.tick();
    expect(outcomes.map(({ outcome }) => outcome.kind)).toEqual(['available']);
    expect(outcomes[0]?.watch).toMatchObject({ seq: 1, sourceId: 'orders-db', startedBy: 'U0ALICE' });
    expect(await store.snapshotWatches.get(KEY)).toMatchObject({ status: 'done', attempts: 3 });
    expect(await store.snapshotWatches.countActive()).toBe(0);
  });

  it('is resumed from the store by a new watcher (a restart), which reports once', async () => {
    let status = 'creating';
    const first = await started(() => status);
    clock.advance(15_000);
    await first.watch.tick();
    first.watch.stop();
    status = 'available';
    const second = watchOver(() => status);
    clock.advance(30_000);
    await second.watch.resume();
    await second.watch.tick();
    expect(first.outcomes).toEqual([]);
    expect(second.outcomes.map(({ outcome }) => outcome.kind)).toEqual(['available']);
  });

  it('keeps following through a throttled read, and reports a snapshot that is gone', async () => {
    let answer: string | Error = new BotError('AWS.THROTTLED', 'slow down');
    const { watch, outcomes } = await started(() => answer);
    clock.advance(15_000);
    await watch.tick();
    expect(outcomes).toEqual([]);
    answer = new BotError('AWS.NOT_FOUND', 'gone');
    clock.advance(30_000);
    await watch.tick();
    expect(outcomes.map(({ outcome }) => outcome.kind)).toEqual(['gone']);
  });

  it('tries a failed report again once its claim runs out, without looking at RDS again', async () => {
    const { watch, reads, outcomes } = await started(() => 'available', { failReports: 1 });
    clock.advance(15_000);
    await watch.tick();
    expect(outcomes).toEqual([]);
    expect(await store.snapshotWatches.get(KEY)).toMatchObject({ status: 'reporting', reportAttempts: 1 });
    clock.advance(30_000);
    await watch.tick();
    expect(outcomes).toEqual([]);
    clock.advance(31_000);
    await watch.tick();
    expect(outcomes.map(({ outcome }) => outcome.kind)).toEqual(['available']);
    expect(reads).toHaveLength(1);
    expect(await store.snapshotWatches.get(KEY)).toMatchObject({ status: 'done', reportAttempts: 2 });
  });

  it('lets only one of two watchers claim a report', async () => {
    await newStore();
    await store.snapshotWatches.add({
      seq: 1,
      ...KEY,
      sourceId: 'orders-db',
      startedBy: 'U0ALICE',
      startedAt: clock.now(),
      nextCheckAt: clock.now(),
      delayMs: 15_000,
    });
    const a = watchOver(() => 'available');
    const b = watchOver(() => 'available');
    await Promise.all([a.watch.tick(), b.watch.tick()]);
    expect([...a.outcomes, ...b.outcomes].map(({ outcome }) => outcome.kind)).toEqual(['available']);
  });

  it('gives up after six hours of creating, and says a failed snapshot failed', async () => {
    const slow = await started(() => 'creating');
    for (let minute = 0; minute <= 6 * 60; minute += 5) {
      clock.advance(5 * 60_000);
      await slow.watch.tick();
    }
    expect(slow.outcomes.map(({ outcome }) => outcome.kind)).toEqual(['gave-up']);
    store.close();
    const failing = await started(() => 'failed');
    clock.advance(15_000);
    await failing.watch.tick();
    expect(failing.outcomes.map(({ outcome }) => outcome)).toEqual([{ kind: 'failed', status: 'failed' }]);
  });
});
