import type { Clock } from '../../src/clock.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * How the conformance suite (test/store/conformance) gets Stores of one adapter. Every method
 * answers a real Store on a real backing store (a SQLite file, a DynamoDB table in the local
 * emulator): the suite proves the adapter, so nothing here may be a double.
 */
export interface StoreAdapter {
  /** Shown in every describe title, so a failure names the adapter. */
  readonly name: string;
  /** A Store on a fresh, empty backing store. The clock is for adapters that read "now" themselves. */
  open(clock?: Clock): Promise<Store>;
  /**
   * A second Store instance on the backing store of `store`: what a second warroom process sharing
   * it sees. Claims and "once" guarantees are proven across the two.
   */
  openAnother(store: Store): Promise<Store>;
  /**
   * Closes `store` and opens a new Store on the same backing store: a restart, or what a crash
   * leaves. Optional: an adapter with nothing durable leaves it out and its durability cases skip.
   */
  reopen?(store: Store): Promise<Store>;
  /** Closes every Store this adapter opened and throws their backing stores away (after each test). */
  close(): Promise<void>;
  /** Stops what the adapter started for the file (an emulator), after its last test. */
  dispose?(): Promise<void>;
}
