import type { Clock } from '../../clock.ts';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * The wait after the `failures`-th failure in a row (1, 2, …): exponential from 1 s, capped at 30 s,
 * with "equal jitter" (half fixed, half random) so many warroom replicas do not retry in step.
 * `random` is injected for tests and returns [0, 1).
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How often (real ms) a wait looks at the clock: a test's ManualClock is seen within this. */
const CHECK_EVERY_MS = 200;

/**
 * Waits until `ms` have passed on the injected clock, or `signal` aborts (then resolves early, no
 * throw). With the system clock this is an ordinary sleep; a test moves a ManualClock instead.
 */
export function waitOnClock(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  const until = clock.now().getTime() + ms;
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    let timer: NodeJS.Timeout;
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const check = () => {
      const left = until - clock.now().getTime();
      if (left <= 0) return finish();
      timer = setTimeout(check, Math.min(left, CHECK_EVERY_MS));
    };
    signal.addEventListener('abort', finish);
    check();
  });
}
