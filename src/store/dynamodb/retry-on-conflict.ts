import { BotError } from '../../errors.ts';

/** Answered by an attempt whose transaction lost a race: it is read and planned again. */
export const CONFLICT = Symbol('conflict');

/**
 * Runs `attempt` until it answers something other than CONFLICT. Optimistic writes lose only to
 * writes that succeeded, so every round makes progress somewhere; the jittered wait spreads out
 * writers racing on one item (fifty acknowledges of one card) instead of having them collide again.
 */
export async function retryOnConflict<T>(
  what: string,
  attempt: () => Promise<T | typeof CONFLICT>,
  maxAttempts = 100,
): Promise<T> {
  for (let round = 0; round < maxAttempts; round++) {
    const result = await attempt();
    if (result !== CONFLICT) return result;
    const ceiling = Math.min(250, 4 * 2 ** Math.min(round, 6));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
  throw new BotError(
    'STORE.CONTENDED',
    'warroom could not save that change: too many changes to the same record at once. Try again.',
    { detail: `${what}: still conflicting after ${maxAttempts} attempts` },
  );
}
