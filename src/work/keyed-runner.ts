/**
 * Runs one job per key at a time and coalesces requests: asking again while a job runs means
 * "run once more after it", however many times it was asked. So a storm of signals for one
 * incident costs one card update at the end, not one per signal.
 */
export class KeyedRunner<K> {
  private readonly running = new Map<K, { again: boolean; done: Promise<void> }>();

  /** `onError` receives what a job throws; jobs should handle their own failures, this is the backstop. */
  constructor(
    private readonly job: (key: K) => Promise<void>,
    private readonly onError: (error: unknown, key: K) => void,
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
        do {
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
