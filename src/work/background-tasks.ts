/**
 * Fire-and-forget work (notices, links) that must still be awaited before "settled": tests, the
 * sandbox and a clean stop wait for it instead of sleeping.
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<unknown>>();

  run(task: () => Promise<unknown>): void {
    const promise = task();
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
