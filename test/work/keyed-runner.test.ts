import { describe, expect, it } from 'vitest';
import { KeyedRunner } from '../../src/work/keyed-runner.ts';

describe('KeyedRunner', () => {
  it('coalesces a burst of requests for one key into one more run after the current one', async () => {
    const runs: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runner = new KeyedRunner<number>(
      async (key) => {
        runs.push(key);
        if (runs.length === 1) await gate;
      },
      () => undefined,
    );
    runner.request(1);
    for (let i = 0; i < 100; i++) runner.request(1);
    runner.request(2);
    release();
    await runner.idle();
    expect(runs.filter((key) => key === 1)).toHaveLength(2);
    expect(runs.filter((key) => key === 2)).toHaveLength(1);
  });

  it('hands a thrown error to onError and keeps serving later requests', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const runner = new KeyedRunner<string>(
      async () => {
        calls++;
        throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    runner.request('a');
    await runner.idle();
    runner.request('a');
    await runner.idle();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('waits between runs only in a burst: asked again while it ran, run after run', async () => {
    const startedAt: number[] = [];
    let asks = 0;
    const runner = new KeyedRunner<number>(
      async () => {
        startedAt.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
        // Each run is asked for again while it runs, five times over: a burst.
        if (++asks < 5) runner.request(1);
      },
      () => undefined,
      () => 100,
    );
    runner.request(1);
    await runner.idle();
    const gaps = startedAt.slice(1).map((at, i) => at - (startedAt[i] as number));
    expect(startedAt).toHaveLength(5);
    // The first three run back to back; after that each waits its pause.
    expect(gaps.slice(0, 2).every((gap) => gap < 60)).toBe(true);
    expect(gaps.slice(2).every((gap) => gap >= 95)).toBe(true);
  });
});
