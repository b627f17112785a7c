import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import type { DbSnapshotFacts } from '../../src/rds/rds-facts.ts';
import {
  SnapshotWatch,
  type SnapshotWatchItem,
  type SnapshotWatchOutcome,
} from '../../src/services/rds-snapshot-watch.ts';

const clock = new ManualClock('2026-11-22T09:31:00Z');
const logger = createLogger({ level: 'silent' });

function setup(statusAt: () => string | Error) {
  const reads: Date[] = [];
  const outcomes: Array<{ item: SnapshotWatchItem; outcome: SnapshotWatchOutcome }> = [];
  const describe = async (id: string): Promise<DbSnapshotFacts> => {
    reads.push(clock.now());
    const status = statusAt();
    if (status instanceof Error) throw status;
    return { id, type: 'manual', status, encrypted: true };
  };
  const watch = new SnapshotWatch({
    rds: { describeSnapshot: describe, describeClusterSnapshot: describe },
    clock,
    logger,
    tickMs: 60_000,
    onOutcome: async (item, outcome) => {
      outcomes.push({ item, outcome });
    },
  });
  watch.add({
    seq: 42,
    kind: 'instance',
    snapshotId: 'warroom-inc-42',
    sourceId: 'orders-db',
    startedAt: clock.now(),
  });
  return { watch, reads, outcomes };
}

let current: SnapshotWatch | undefined;
afterEach(() => current?.stop());

describe('SnapshotWatch', () => {
  it('looks after 15 s, then backs off (30 s, 60 s …) on the injected clock, and reports available once', async () => {
    let status = 'creating';
    const { watch, reads, outcomes } = setup(() => status);
    current = watch;
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
    expect(watch.watching).toBe(0);
  });

  it('keeps following through a throttled read, and reports a snapshot that is gone', async () => {
    let answer: string | Error = new BotError('AWS.THROTTLED', 'slow down');
    const { watch, outcomes } = setup(() => answer);
    current = watch;
    clock.advance(15_000);
    await watch.tick();
    expect(outcomes).toEqual([]);
    answer = new BotError('AWS.NOT_FOUND', 'gone');
    clock.advance(30_000);
    await watch.tick();
    expect(outcomes.map(({ outcome }) => outcome.kind)).toEqual(['gone']);
  });

  it('gives up after six hours of creating, and says a failed snapshot failed', async () => {
    const slow = setup(() => 'creating');
    current = slow.watch;
    for (let minute = 0; minute <= 6 * 60; minute += 5) {
      clock.advance(5 * 60_000);
      await slow.watch.tick();
    }
    expect(slow.outcomes.map(({ outcome }) => outcome.kind)).toEqual(['gave-up']);
    const failing = setup(() => 'failed');
    current = failing.watch;
    clock.advance(15_000);
    await failing.watch.tick();
    expect(failing.outcomes.map(({ outcome }) => outcome)).toEqual([{ kind: 'failed', status: 'failed' }]);
  });
});
