import type { Clock } from '../../src/clock.ts';

/**
 * Slack's time in a test whose clock is moved by hand: the test's time plus every wait warroom
 * made for Slack's limits. The local Slack keeps its limits on it and warroom's pacer waits on it,
 * so pacing costs no real time while the local Slack still sees exactly when each call came.
 */
export function createSlackTime(testClock: Clock): { clock: Clock; sleep: (ms: number) => Promise<void> } {
  let aheadMs = 0;
  const clock: Clock = { now: () => new Date(testClock.now().getTime() + aheadMs) };
  const sleep = async (ms: number) => {
    const until = clock.now().getTime() + ms;
    // A turn of the event loop first, as a real wait lets the calls made meanwhile line up.
    await new Promise((resolve) => setImmediate(resolve));
    aheadMs = Math.max(aheadMs, until - testClock.now().getTime());
  };
  return { clock, sleep };
}
