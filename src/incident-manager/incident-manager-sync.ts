import type { IncidentManagerWriter } from '../aws/incident-manager-writer.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { OutboxItem } from '../store/outbox.ts';
import type { Store } from '../store/store.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { SingleFlight } from '../work/single-flight.ts';
import { encodeEventData, type IncidentManagerWrite } from './incident-manager-writes.ts';

type TimelineEventWrite = Extract<IncidentManagerWrite, { kind: 'timeline-event' }>;

export interface IncidentManagerSyncDeps {
  store: Store;
  /** Leases shared with the other replicas on the store; absent: this process is the only one. */
  leased?: LeasedWork;
  writer: IncidentManagerWriter;
  clock: Clock;
  logger: Logger;
  /** A started incident got its ARN: the card shows the link. */
  onLinked: (seq: number) => void;
  /** A write failed for the first time: people should hear it in plain words. */
  onFirstFailure?: (item: OutboxItem, message: string) => void;
  /** A write that had failed went through after all. */
  onRecovered?: (item: OutboxItem) => void;
  /** Turns stored Slack mentions and markup into plain names for Incident Manager's timeline. */
  plainText?: (text: string) => Promise<string>;
  maxAttempts?: number;
}

/**
 * Drains the outbox of Incident Manager writes in order. A write that fails (throttling, access
 * denied, not found) stays queued with its error, shown by `/incident show`, and is retried with
 * backoff; the local record is right all along. Client tokens come from the outbox id, so a retry
 * after a lost answer creates nothing twice.
 */
export class IncidentManagerSync {
  private readonly flight = new SingleFlight(() => this.drain());

  constructor(private readonly deps: IncidentManagerSyncDeps) {}

  /** Starts a drain, or asks the running one to look again when it finishes. */
  kick(): Promise<void> {
    return this.flight.kick();
  }

  idle(): Promise<void> {
    return this.flight.idle();
  }

  get busy(): boolean {
    return this.flight.busy;
  }

  private async drain(): Promise<void> {
    const items = await this.deps.store.listDueOutbox(this.deps.clock.now(), 50);
    const byIncident = new Map<number, OutboxItem[]>();
    for (const item of items)
      byIncident.set(item.incidentSeq, [...(byIncident.get(item.incidentSeq) ?? []), item]);
    for (const [seq, writes] of byIncident) {
      const { leased } = this.deps;
      // One replica at a time sends an incident's writes (lease `outbox:<seq>`), keeping their order.
      // A write listed here and sent meanwhile by another replica goes again with the same client
      // token, which Incident Manager answers without doing it twice.
      if (leased) await leased.run(`outbox:${seq}`, () => this.performInOrder(writes));
      else await this.performInOrder(writes);
    }
  }

  /** Writes for one incident keep their order: after a failure, its later writes wait. */
  private async performInOrder(writes: readonly OutboxItem[]): Promise<void> {
    for (const item of writes) if (!(await this.perform(item))) return;
  }

  /**
   * The event with people named as people. Named when written, not when queued: the change that
   * queued it is a store transaction, and Slack is asked at most once an hour per person.
   */
  private async named(write: TimelineEventWrite): Promise<TimelineEventWrite> {
    const { plainText } = this.deps;
    if (!plainText) return write;
    let text: unknown;
    try {
      text = JSON.parse(write.eventData);
    } catch {
      return write;
    }
    if (typeof text !== 'string') return write;
    return { ...write, eventData: encodeEventData(await plainText(text)) };
  }

  private async perform(item: OutboxItem): Promise<boolean> {
    const { store, writer, clock, logger } = this.deps;
    const token = `warroom-outbox-${item.id}`;
    try {
      const write = item.write;
      switch (write.kind) {
        case 'start-incident': {
          const arn = await writer.startIncident(write, token);
          await store.linkIncidentManager(item.incidentSeq, arn, clock.now());
          this.deps.onLinked(item.incidentSeq);
          break;
        }
        case 'update-record':
          await writer.updateIncidentRecord(write, token);
          break;
        case 'timeline-event':
          await writer.createTimelineEvent(await this.named(write), token);
          break;
        case 'related-item':
          await writer.addRelatedItem(write, token).catch((error: unknown) => {
            // Already linked (e.g. by the console): the goal is met.
            if (!(isBotError(error) && error.code === 'AWS.CONFLICT')) throw error;
          });
          break;
      }
      await store.completeOutbox(item.id, clock.now());
      if (item.attempts > 0) this.deps.onRecovered?.(item);
      return true;
    } catch (error) {
      const attempts = item.attempts + 1;
      const giveUp = attempts >= (this.deps.maxAttempts ?? 12);
      const retryAt = giveUp
        ? undefined
        : new Date(clock.now().getTime() + Math.min(600_000, 2000 * 2 ** attempts));
      const message = isBotError(error) ? error.userMessage : 'Incident Manager call failed.';
      await store.failOutbox(item.id, message, retryAt);
      if (item.attempts === 0) this.deps.onFirstFailure?.(item, message);
      logger.warn(
        { err: error, outboxId: item.id, incidentSeq: item.incidentSeq, attempts, giveUp },
        'Incident Manager write failed',
      );
      return false;
    }
  }
}
