import { abortablePause } from './abortable-pause.ts';

/** How a wait for the grace is made; injected so tests need not sleep. */
export type GraceWait = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits for `drain` for at most `graceMs`. Work that keeps failing (Slack down, a card sync
 * retrying) never goes idle, so a stop that waits for idle never ends: past the grace the caller
 * moves on and leaves that work in the store for the next start. A drain that rejects counts as
 * drained (its failure is the caller's to log, not a reason to wait).
 */
export async function drainWithin(
  drain: Promise<unknown>,
  graceMs: number,
  wait: GraceWait = abortablePause,
): Promise<'drained' | 'grace-over'> {
  const stopWaiting = new AbortController();
  const drained = drain.then(
    () => 'drained' as const,
    () => 'drained' as const,
  );
  const graceOver = wait(graceMs, stopWaiting.signal).then(() => 'grace-over' as const);
  try {
    return await Promise.race([drained, graceOver]);
  } finally {
    // The pause's timer would otherwise hold the event loop for the rest of the grace.
    stopWaiting.abort();
  }
}
