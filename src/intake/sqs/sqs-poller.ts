import type { SqsQueuePort, SqsReceivedMessage } from '../../aws/sqs-port.ts';
import type { Clock } from '../../clock.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { backoffDelayMs, waitOnClock } from './backoff.ts';
import type { SqsMessageOutcome } from './handle-sqs-message.ts';

export interface SqsPollerDeps {
  queue: SqsQueuePort;
  handle: (message: SqsReceivedMessage) => Promise<SqsMessageOutcome>;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Jitter source in [0, 1); tests pin it. */
  random?: () => number;
}

/**
 * Long-polls the intake queue until stopped: receive (20 s, up to 10), hand each message to
 * `handle` in turn, and delete it only when the outcome says so (stored, a duplicate, confirmed,
 * or never valid). A failed call or a message kept for redelivery counts in warroom_sqs_errors_total
 * and is followed by a backoff on the injected clock (1 s doubling to 30 s, jittered); a clean
 * round resets it. `stop()` aborts the long poll and any backoff at once, then lets the message in
 * hand finish, so it never waits out a 20 s poll.
 */
export class SqsPoller {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private failures = 0;
  private reachable = false;

  constructor(private readonly deps: SqsPollerDeps) {}

  /** True after a receive succeeded, false after one failed (readiness shows it). */
  get queueReachable(): boolean {
    return this.reachable;
  }

  /** Marks the queue reachable after the start-up check proved it. */
  markReachable(): void {
    this.reachable = true;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      const clean = await this.round(signal);
      if (signal.aborted) return;
      if (clean) {
        this.failures = 0;
        continue;
      }
      this.failures += 1;
      const delayMs = backoffDelayMs(this.failures, this.deps.random);
      this.deps.logger.warn(
        { failures: this.failures, delayMs, queueUrl: this.deps.queue.queueUrl },
        'SQS intake backing off',
      );
      await waitOnClock(this.deps.clock, delayMs, signal);
    }
  }

  /** One receive and its messages; false when anything failed and the poller should back off. */
  private async round(signal: AbortSignal): Promise<boolean> {
    let messages: SqsReceivedMessage[];
    try {
      messages = await this.deps.queue.receive(signal);
      this.reachable = true;
    } catch (error) {
      if (signal.aborted) return true;
      this.reachable = false;
      this.deps.metrics.sqsErrors.inc({ operation: 'ReceiveMessage' });
      this.deps.logger.error(
        { err: error, code: isBotError(error) ? error.code : undefined },
        isBotError(error) ? error.userMessage : 'SQS ReceiveMessage failed',
      );
      return false;
    }
    let clean = true;
    for (const message of messages) {
      if (!(await this.take(message))) clean = false;
    }
    return clean;
  }

  private async take(message: SqsReceivedMessage): Promise<boolean> {
    const { metrics, logger, queue } = this.deps;
    const result = await this.deps.handle(message);
    metrics.sqsMessages.inc({ outcome: result.outcome });
    if (result.outcome === 'rejected') metrics.sqsRejected.inc({ reason: result.reason });
    if (!result.delete) {
      metrics.sqsErrors.inc({ operation: `message:${result.reason}` });
      return false;
    }
    try {
      await queue.delete(message.receiptHandle);
      return true;
    } catch (error) {
      // Stored already: the message comes back after its visibility timeout and the inbox dedupes it.
      metrics.sqsErrors.inc({ operation: 'DeleteMessage' });
      logger.error(
        { err: error, sqsMessageId: message.sqsMessageId },
        'could not delete an SQS message that was handled; it will come back and be deduplicated',
      );
      return false;
    }
  }
}
