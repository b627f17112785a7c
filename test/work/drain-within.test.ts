import { describe, expect, it } from 'vitest';
import { drainWithin, type GraceWait } from '../../src/work/drain-within.ts';

/** A grace the test ends by hand, recording what it was asked to wait and whether it was let go. */
function handGrace() {
  const asked: number[] = [];
  let end: () => void = () => undefined;
  let signal: AbortSignal | undefined;
  const wait: GraceWait = (ms, given) => {
    asked.push(ms);
    signal = given;
    return new Promise<void>((resolve) => {
      end = resolve;
    });
  };
  return { wait, asked, end: () => end(), released: () => signal?.aborted === true };
}

describe('drainWithin', () => {
  it('returns drained as soon as the work goes idle, and lets the grace timer go', async () => {
    const grace = handGrace();
    const outcome = await drainWithin(Promise.resolve(), 10_000, grace.wait);
    expect(outcome).toBe('drained');
    expect(grace.asked).toEqual([10_000]);
    expect(grace.released()).toBe(true);
  });

  it('gives up on work that never goes idle once the grace is over', async () => {
    const grace = handGrace();
    const never = new Promise<void>(() => undefined);
    const pending = drainWithin(never, 10_000, grace.wait);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    grace.end();
    expect(await pending).toBe('grace-over');
  });

  it('treats a drain that fails as ended, not as a reason to wait out the grace', async () => {
    const grace = handGrace();
    expect(await drainWithin(Promise.reject(new Error('store closed')), 10_000, grace.wait)).toBe('drained');
  });

  it('ends on real time with the default wait: a 0 s grace does not wait for stuck work', async () => {
    const started = Date.now();
    expect(await drainWithin(new Promise<void>(() => undefined), 0)).toBe('grace-over');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
