import type { Incident } from '../incidents/index.ts';
import type { Store } from '../store/store.ts';
import { KeyedRunner } from '../work/keyed-runner.ts';

/** An incident as a caller has it: its number, its storm's if a member, and whether it is a storm. */
export interface StormTarget {
  seq: number;
  stormSeq?: number;
  storm?: unknown;
}

/** The pause before a storm's job runs again for what was asked while it ran. */
const AGAIN_AFTER_MS = 1000;

/**
 * Runs one job per storm at a time, however it was asked: a request naming a member runs its
 * storm's job. Keyed by the storm, not by the seq asked about, so a member's change and the
 * storm's own never run the job side by side (two of them would both post the storm's thread
 * list, or both ask RDS the same thing). Requests for one storm coalesce.
 */
export class StormRunner {
  private readonly lookups: KeyedRunner<number>;
  private readonly runner: KeyedRunner<number>;

  constructor(
    store: Pick<Store, 'getIncident'>,
    /** The job, given the storm as read when it starts. */
    job: (storm: Incident) => Promise<void>,
    onError: (error: unknown, seq: number) => void,
  ) {
    this.runner = new KeyedRunner(
      async (seq) => {
        const storm = await store.getIncident(seq);
        if (storm?.storm) await job(storm);
      },
      onError,
      // A storm's members change many times a second in a burst: its job runs again after a pause.
      () => AGAIN_AFTER_MS,
    );
    this.lookups = new KeyedRunner(async (seq) => {
      const incident = await store.getIncident(seq);
      const stormSeq = incident?.stormSeq ?? (incident?.storm ? incident.seq : undefined);
      if (stormSeq !== undefined) this.runner.request(stormSeq);
    }, onError);
  }

  /**
   * Asks for the job of this incident's storm (or of the storm itself); other incidents are ignored.
   * Given the incident as the caller has it, its storm is known without reading it again.
   */
  request(target: number | StormTarget): void {
    if (typeof target === 'number') {
      this.lookups.request(target);
      return;
    }
    const stormSeq = target.stormSeq ?? (target.storm ? target.seq : undefined);
    if (stormSeq !== undefined) this.runner.request(stormSeq);
  }

  get busy(): boolean {
    return this.lookups.busy || this.runner.busy;
  }

  async idle(): Promise<void> {
    while (this.busy) {
      await this.lookups.idle();
      await this.runner.idle();
    }
  }
}
