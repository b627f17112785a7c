import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { EmulatorEnvironment } from '../../emulator-state.ts';

/** A queue's settings, as SQS reports them in GetQueueAttributes (seconds and bytes). */
export interface SqsQueueSettings {
  VisibilityTimeout: number;
  DelaySeconds: number;
  ReceiveMessageWaitTimeSeconds: number;
  MaximumMessageSize: number;
  MessageRetentionPeriod: number;
}

export const DEFAULT_QUEUE_SETTINGS: SqsQueueSettings = {
  VisibilityTimeout: 30,
  DelaySeconds: 0,
  ReceiveMessageWaitTimeSeconds: 0,
  MaximumMessageSize: 262_144,
  MessageRetentionPeriod: 345_600,
};

/** One message in a queue, until it is deleted (or purged). */
export interface SqsMessageRecord {
  messageId: string;
  body: string;
  md5OfBody: string;
  messageAttributes?: Record<string, MessageAttributeValue>;
  sentAt: Date;
  /** Hidden until then: by DelaySeconds after a send, by the visibility timeout after a receive. */
  visibleAt: Date;
  receiveCount: number;
  firstReceivedAt?: Date;
  /** The handle of the latest receive: only it deletes the message (older ones succeed, do nothing). */
  currentReceiptHandle?: string;
}

export interface SqsQueue {
  name: string;
  accountId: string;
  arn: string;
  settings: SqsQueueSettings;
  /** Attributes kept as given and reported back (Policy, RedrivePolicy, …); not acted on. */
  otherAttributes: Record<string, string>;
  createdAt: Date;
  messages: SqsMessageRecord[];
  /** Every receipt handle ever issued, with its message: an unknown one is ReceiptHandleIsInvalid. */
  issuedHandles: Map<string, string>;
  /** Message ids deleted through DeleteMessage(Batch), in order (tests assert on them). */
  deletedMessageIds: string[];
  lastPurgeAt?: Date;
}

/**
 * SQS queues (standard, not FIFO) and their messages, keyed by queue name within the account.
 * Long polls wait on `changed()`, which sends, visibility changes and `close()` resolve.
 */
export class SqsState {
  readonly queues = new Map<string, SqsQueue>();
  private waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly env: EmulatorEnvironment) {}

  /** Creates (or returns) a queue; tests seed with `createQueue('intake', { VisibilityTimeout: 2 })`. */
  createQueue(name: string, settings: Partial<SqsQueueSettings> = {}): SqsQueue {
    const existing = this.queues.get(name);
    if (existing) return existing;
    const queue: SqsQueue = {
      name,
      accountId: this.env.accountId,
      arn: `arn:aws:sqs:${this.env.region}:${this.env.accountId}:${name}`,
      settings: { ...DEFAULT_QUEUE_SETTINGS, ...settings },
      otherAttributes: {},
      createdAt: this.env.clock.now(),
      messages: [],
      issuedHandles: new Map(),
      deletedMessageIds: [],
    };
    this.queues.set(name, queue);
    return queue;
  }

  /** The queue's URL as the emulator at `origin` (e.g. `emulator.url`) serves it. */
  queueUrl(origin: string, name: string): string {
    return `${origin.replace(/\/$/, '')}/${this.env.accountId}/${name}`;
  }

  /** Messages a receive could take now. */
  visibleMessages(queue: SqsQueue): SqsMessageRecord[] {
    const now = this.env.clock.now().getTime();
    return queue.messages.filter((message) => message.visibleAt.getTime() <= now);
  }

  /** Messages received and not yet deleted nor visible again. */
  inFlightMessages(queue: SqsQueue): SqsMessageRecord[] {
    const now = this.env.clock.now().getTime();
    return queue.messages.filter((message) => message.receiveCount > 0 && message.visibleAt.getTime() > now);
  }

  /** Wakes every waiting long poll to look again. */
  notifyChanged(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /**
   * Resolves on the next change, after `ms` real milliseconds, or at once when closed. A long poll
   * also re-checks on the timer because visibility runs on the injected clock, which may be manual.
   */
  changed(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.waiters.add(wake);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends every long poll now (each answers with no messages); later receives do not wait. */
  close(): void {
    this.closed = true;
    this.notifyChanged();
  }
}
