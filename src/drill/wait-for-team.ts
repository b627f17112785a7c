import type { Clock } from '../clock.ts';
import type { Store } from '../store/store.ts';
import { abortablePause } from '../work/abortable-pause.ts';
import { readDrillIncidents } from './debrief.ts';

export type WaitOutcome = 'resolved' | 'timeout' | 'stopped';

export interface WaitOptions {
  store: Store;
  firstSeq: number;
  /** Without it, the wait ends only when the team resolved or `signal` aborts. */
  until?: Date;
  clock: Clock;
  pollMs: number;
  signal?: AbortSignal;
}

/**
 * Waits while the team works the drill: until every incident it opened is resolved (at least one
 * opened), until `until` (if given), or until `signal` aborts (Ctrl-C). Reads warroom's store every `pollMs`.
 */
export async function waitForTeam(options: WaitOptions): Promise<WaitOutcome> {
  for (;;) {
    if (options.signal?.aborted) return 'stopped';
    const incidents = await readDrillIncidents(options.store, options.firstSeq);
    if (incidents.length > 0 && incidents.every(({ incident }) => incident.status === 'resolved'))
      return 'resolved';
    if (options.until && options.clock.now() >= options.until) return 'timeout';
    await abortablePause(options.pollMs, options.signal);
  }
}
