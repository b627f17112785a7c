/**
 * Leases on work any replica may pick up (a card to post, an outbox write, an execution to poll):
 * one owner at a time. A replica that dies holding one loses it when it runs out, and another
 * replica takes the work over; nothing waits for the dead one longer than the lease.
 */
export interface LeaseStore {
  /**
   * Takes the lease on `key` for `owner` until `until`, or renews it when `owner` holds it already.
   * False when another owner holds it past `now`.
   */
  acquire(key: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up before it runs out; only its owner's release counts. */
  release(key: string, owner: string): Promise<void>;
}
