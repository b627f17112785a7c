import { describe, expect, it } from 'vitest';
import type { SqsQueueFacts, SqsQueuePort, SqsReceivedMessage } from '../../../src/aws/sqs-port.ts';
import { ManualClock } from '../../../src/clock.ts';
import { BotError } from '../../../src/errors.ts';
import { backoffDelayMs } from '../../../src/intake/sqs/backoff.ts';
import type { SqsMessageOutcome } from '../../../src/intake/sqs/handle-sqs-message.ts';
import { SqsPoller } from '../../../src/intake/sqs/sqs-poller.ts';
import { createLogger } from '../../../src/logger.ts';
import { Metrics } from '../../../src/metrics.ts';

type Answer = SqsReceivedMessage[] | Error;

/** A queue port that answers receives from a script, then long-polls (until aborted) like SQS. */
class ScriptedQueue implements SqsQueuePort {
  readonly queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/intake';
  receives = 0;
  readonly deleted: string[] = [];
  failDeletes = false;

  constructor(private readonly script: Answer[]) {}

  async describe(): Promise<SqsQueueFacts> {
    return {};
  }

  receive(signal: AbortSignal): Promise<SqsReceivedMessage[]> {
    this.receives += 1;
    const next = this.script.shift();
    if (next instanceof Error) return Promise.reject(next);
    if (next) return Promise.resolve(next);
    return new Promise((_, reject) =>
      signal.addEventListener('abort', () =>
        reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
      ),
    );
  }

  async delete(receiptHandle: string): Promise<void> {
    if (this.failDeletes) throw new BotError('SQS.FAILED', 'delete failed');
    this.deleted.push(receiptHandle);
  }
}

const message = (id: string): SqsReceivedMessage => ({
  sqsMessageId: id,
  receiptHandle: `handle-${id}`,
  body: id,
  receiveCount: 1,
});

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counter = async (metrics: Metrics, name: string, labels: Record<string, string>) =>
  (await metrics.registry.getSingleMetric(name)?.get())?.values.find((value) =>
    Object.entries(labels).every(([key, label]) => value.labels[key] === label),
  )?.value ?? 0;

function startPoller(
  queue: ScriptedQueue,
  outcomes: Record<string, SqsMessageOutcome>,
  clock = new ManualClock(),
) {
  const metrics = new Metrics();
  const poller = new SqsPoller({
    queue,
    handle: async (received) => outcomes[received.body] ?? { outcome: 'stored', delete: true },
    clock,
    logger: createLogger({ level: 'silent' }),
    metrics,
    random: () => 0,
  });
  poller.start();
  return { poller, metrics, clock };
}

describe('the SQS poller', () => {
  it('deletes what was stored or can never be valid, and leaves kept messages in the queue', async () => {
    const queue = new ScriptedQueue([
      [message('ok'), message('forged'), message('no-cert'), message('again')],
    ]);
    const { poller, metrics } = startPoller(queue, {
      forged: { outcome: 'rejected', reason: 'bad_signature', delete: true },
      'no-cert': { outcome: 'kept', reason: 'cert_unavailable', delete: false },
      again: { outcome: 'duplicate', delete: true },
    });
    await until(() => queue.deleted.length === 3, 'the deletes');
    await poller.stop();
    expect(queue.deleted).toEqual(['handle-ok', 'handle-forged', 'handle-again']);
    expect(await counter(metrics, 'warroom_sqs_messages_rejected_total', { reason: 'bad_signature' })).toBe(
      1,
    );
    expect(await counter(metrics, 'warroom_sqs_messages_total', { outcome: 'kept' })).toBe(1);
    expect(
      await counter(metrics, 'warroom_sqs_errors_total', { operation: 'message:cert_unavailable' }),
    ).toBe(1);
  });

  it('backs off on the injected clock after a failed receive, and reports the queue unreachable', async () => {
    const queue = new ScriptedQueue([
      new BotError('SQS.FAILED', 'SQS ReceiveMessage failed'),
      [message('late')],
    ]);
    const { poller, metrics, clock } = startPoller(queue, {});
    poller.markReachable();
    await until(() => queue.receives === 1, 'the first receive');
    await pause(50);
    expect(poller.queueReachable).toBe(false);
    expect(await counter(metrics, 'warroom_sqs_errors_total', { operation: 'ReceiveMessage' })).toBe(1);
    // random() = 0: the first backoff is half of 1 s. Real time passing does not end it; the clock does.
    clock.advance(499);
    await pause(400);
    expect(queue.receives).toBe(1);
    clock.advance(1);
    await until(() => queue.deleted.length === 1, 'the message after the backoff');
    expect(poller.queueReachable).toBe(true);
    await poller.stop();
  });

  it('backs off after a delete that failed, without deleting twice', async () => {
    const queue = new ScriptedQueue([[message('stored')]]);
    queue.failDeletes = true;
    const { poller, metrics } = startPoller(queue, {});
    await until(() => queue.receives === 1, 'the receive');
    await pause(50);
    expect(await counter(metrics, 'warroom_sqs_errors_total', { operation: 'DeleteMessage' })).toBe(1);
    expect(queue.receives).toBe(1);
    await poller.stop();
  });

  it('stops at once while a long poll is waiting', async () => {
    const queue = new ScriptedQueue([]);
    const { poller } = startPoller(queue, {});
    await until(() => queue.receives === 1, 'the long poll');
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('stops at once during a backoff', async () => {
    const queue = new ScriptedQueue([new BotError('SQS.THROTTLED', 'throttled')]);
    const { poller } = startPoller(queue, {});
    await until(() => queue.receives === 1, 'the failed receive');
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(200);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 1 s, stays within half and all of its ceiling, and never exceeds 30 s', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 12].map((failures) => backoffDelayMs(failures, () => 0.999_999));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoffDelayMs(3, () => 0)).toBe(2_000);
  });
});
