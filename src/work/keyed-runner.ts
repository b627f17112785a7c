/** Runs in a row, each asked for while the one before ran, before the key waits between runs. */
const BURST_RUNS = 3;

/**
 * Runs one job per key at a time and coalesces requests: asking again while a job runs means
 * "run once more after it", however many times it was asked. So a storm of signals for one
 * incident costs one card update at the end, not one per signal.
 */
export class KeyedRunner<K> {
  private readonly running = new Map<K, { again: boolean; done: Promise<void> }>();

  /**
   * `onError` receives what a job throws; jobs should handle their own failures, this is the backstop.
   * `againAfterMs`: in a burst (asked again while it ran, run after run), how long a key waits
   * before running again (0: at once). A storm's card or member list, asked for on every signal
   * of every member, then redraws a few times a second at most, each time with all asked so far.
   */
  constructor(
    private readonly job: (key: K) => Promise<void>,
    private readonly onError: (error: unknown, key: K) => void,
    private readonly againAfterMs: (key: K) => number = () => 0,
  ) {}

  request(key: K): void {
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        let runs = 0;
        do {
          // Asked again while it ran, twice in a row: a burst. From then on it waits between runs.
          const wait = runs >= BURST_RUNS ? this.againAfterMs(key) : 0;
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          runs += 1;
          state.again = false;
          await this.job(key);
        } while (state.again);
      } catch (error) {
        this.onError(error, key);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, state);
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves when no job is running (new requests made meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running.values()].map((state) => state.done));
    }
  }
}
