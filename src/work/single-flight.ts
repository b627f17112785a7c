/**
 * One drain at a time: `kick()` starts the work, or, while it runs, asks it to run once more when
 * it finishes (however often it was kicked). So a burst of triggers costs one extra pass, not one
 * pass each, and work keeps its order.
 */
export class SingleFlight {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly work: () => Promise<void>) {}

  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.work();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }
}
