import type { SqsQueueFacts, SqsQueuePort } from '../../aws/sqs-port.ts';
import type { Clock } from '../../clock.ts';
import { isBotError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { createSqsMessageHandler, type SqsMessageHandlerDeps } from './handle-sqs-message.ts';
import { SqsPoller } from './sqs-poller.ts';

/** Set-up mistakes no retry fixes: warroom refuses to start and says which and how to fix it. */
const PERMANENT = new Set(['SQS.QUEUE_NOT_FOUND', 'SQS.ACCESS_DENIED', 'SQS.WRONG_REGION']);

/**
 * The start-up check (GetQueueAttributes, once): a missing queue, another region or no permission
 * throws, its userMessage naming the queue URL and the fix. A passing hiccup (throttling, network)
 * is logged and left to the poller, which retries with backoff while /readyz says `sqs: false`.
 * Warns when the queue has no dead-letter queue.
 */
export async function checkSqsQueue(
  queue: SqsQueuePort,
  logger: Logger,
  metrics: Metrics,
): Promise<SqsQueueFacts | undefined> {
  let facts: SqsQueueFacts;
  try {
    facts = await queue.describe();
  } catch (error) {
    metrics.sqsErrors.inc({ operation: 'GetQueueAttributes' });
    if (isBotError(error) && PERMANENT.has(error.code)) throw error;
    logger.warn(
      { err: error, queueUrl: queue.queueUrl },
      'could not check the SQS queue at start-up; polling anyway, with backoff',
    );
    return undefined;
  }
  if (!facts.redrivePolicy) {
    logger.warn(
      { queueUrl: queue.queueUrl },
      'the SQS queue has no dead-letter queue: give it a RedrivePolicy with maxReceiveCount (e.g. 5) so a message that keeps failing is set aside instead of retried for ever',
    );
  }
  logger.info({ queueUrl: queue.queueUrl, ...facts }, 'SQS intake queue checked');
  return facts;
}

export interface SqsIntakeDeps extends Omit<SqsMessageHandlerDeps, 'clock' | 'logger'> {
  queue: SqsQueuePort;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Whether checkSqsQueue reached the queue (readiness starts from that). */
  checked: boolean;
}

/** The poller over the queue, handling each message as POST /sns would; call `start()` when ready. */
export function createSqsIntake(deps: SqsIntakeDeps): SqsPoller {
  const { queue, clock, logger, metrics, checked, ...handlerDeps } = deps;
  const poller = new SqsPoller({
    queue,
    handle: createSqsMessageHandler({ ...handlerDeps, clock, logger }),
    clock,
    logger,
    metrics,
  });
  if (checked) poller.markReachable();
  return poller;
}
