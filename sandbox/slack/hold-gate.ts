import type { ServerResponse } from 'node:http';

/**
 * Holds requests while closed, to simulate Slack going quiet in the middle of a call.
 *
 * - mode `before` (default): a held request is not carried out until release; if its client
 *   has gone away by then (the bot crashed), it is dropped: Slack never saw it.
 * - mode `after`: the request is carried out at once, only the answer is held; a client that has
 *   gone away never hears it (Slack posted, the bot does not know).
 */
export type HoldMode = 'before' | 'after';

interface HeldRequest {
  response: ServerResponse;
  /** Carries the request out (mode before) or just sends the answer (mode after). */
  finish: () => Promise<void>;
}

export class HoldGate {
  private mode: HoldMode | undefined;
  private readonly held: HeldRequest[] = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  get holding(): HoldMode | undefined {
    return this.mode;
  }

  get heldCount(): number {
    return this.held.length;
  }

  close(mode: HoldMode): void {
    this.mode = mode;
  }

  hold(request: HeldRequest): void {
    this.held.push(request);
    for (const waiter of [...this.waiters]) {
      if (this.held.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** Resolves once at least `count` requests are held. */
  waitForHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Opens the gate and finishes every held request in arrival order. */
  async open(): Promise<void> {
    this.mode = undefined;
    const pending = this.held.splice(0);
    for (const request of pending) {
      const socket = request.response.socket;
      const gone = request.response.destroyed || socket === null || socket.destroyed;
      if (!gone) await request.finish();
    }
  }

  /** Drops everything held (on shutdown). */
  abandon(): void {
    for (const request of this.held.splice(0)) request.response.destroy();
  }
}
