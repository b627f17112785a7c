import type {
  CreateQueueRequest,
  CreateQueueResult,
  GetQueueAttributesRequest,
  GetQueueAttributesResult,
  GetQueueUrlRequest,
  GetQueueUrlResult,
  PurgeQueueRequest,
} from '@aws-sdk/client-sqs';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { requestOrigin, requireQueue, sqsError } from './sqs-errors.ts';
import type { SqsQueue, SqsQueueSettings } from './sqs-state.ts';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Settable numeric attributes and SQS's documented ranges. */
const RANGES: Record<keyof SqsQueueSettings, [number, number]> = {
  VisibilityTimeout: [0, 43_200],
  DelaySeconds: [0, 900],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  MaximumMessageSize: [1_024, 1_048_576],
  MessageRetentionPeriod: [60, 1_209_600],
};
/** Accepted and reported back, not acted on. */
const KEPT_AS_GIVEN = new Set([
  'Policy',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'KmsMasterKeyId',
  'SqsManagedSseEnabled',
]);

function readSettings(attributes: Record<string, string>): {
  settings: Partial<SqsQueueSettings>;
  other: Record<string, string>;
} {
  const settings: Partial<SqsQueueSettings> = {};
  const other: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name in RANGES) {
      const [min, max] = RANGES[name as keyof SqsQueueSettings];
      const number = Number(value);
      if (!/^\d+$/.test(value) || number < min || number > max) {
        throw sqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
      }
      settings[name as keyof SqsQueueSettings] = number;
    } else if (name === 'FifoQueue' || name === 'ContentBasedDeduplication') {
      throw sqsError('UnsupportedOperation', 'FIFO queues are not served by the warroom AWS emulator.');
    } else if (KEPT_AS_GIVEN.has(name)) {
      other[name] = value;
    } else {
      throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    }
  }
  return { settings, other };
}

/** CreateQueue: the same name with the same attributes returns the same URL; others are QueueNameExists. */
export function createQueue(raw: Record<string, unknown>, context: HandlerContext): CreateQueueResult {
  const input = validatedInput<CreateQueueRequest>(raw);
  const name = input.QueueName ?? '';
  if (!QUEUE_NAME.test(name)) {
    throw sqsError(
      'InvalidParameterValue',
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
  const { settings, other } = readSettings((input.Attributes ?? {}) as Record<string, string>);
  const existing = context.state.sqs.queues.get(name);
  if (existing) {
    const differs =
      Object.entries(settings).some(
        ([key, value]) => existing.settings[key as keyof SqsQueueSettings] !== value,
      ) || Object.entries(other).some(([key, value]) => existing.otherAttributes[key] !== value);
    if (differs)
      throw sqsError(
        'QueueNameExists',
        `A queue already exists with the same name and a different value for attribute(s).`,
      );
  } else {
    context.state.sqs.createQueue(name, settings).otherAttributes = other;
  }
  return { QueueUrl: context.state.sqs.queueUrl(requestOrigin(raw), name) };
}

export function getQueueUrl(raw: Record<string, unknown>, context: HandlerContext): GetQueueUrlResult {
  const input = validatedInput<GetQueueUrlRequest>(raw);
  const owner = input.QueueOwnerAWSAccountId ?? context.accountId;
  const queue = owner === context.accountId ? context.state.sqs.queues.get(input.QueueName ?? '') : undefined;
  if (!queue) throw sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return { QueueUrl: context.state.sqs.queueUrl(requestOrigin(raw), queue.name) };
}

function queueAttributes(queue: SqsQueue, context: HandlerContext): Record<string, string> {
  const now = context.clock.now().getTime();
  const count = (test: (visibleAt: number, received: boolean) => boolean) =>
    String(queue.messages.filter((m) => test(m.visibleAt.getTime(), m.receiveCount > 0)).length);
  const epochSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
  return {
    ...Object.fromEntries(Object.entries(queue.settings).map(([key, value]) => [key, String(value)])),
    ...queue.otherAttributes,
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: count((visibleAt) => visibleAt <= now),
    ApproximateNumberOfMessagesNotVisible: count((visibleAt, received) => visibleAt > now && received),
    ApproximateNumberOfMessagesDelayed: count((visibleAt, received) => visibleAt > now && !received),
    CreatedTimestamp: epochSeconds(queue.createdAt),
    LastModifiedTimestamp: epochSeconds(queue.createdAt),
  };
}

/** GetQueueAttributes: the names asked for (`All` for every one); none asked, none returned. */
export function getQueueAttributes(
  raw: Record<string, unknown>,
  context: HandlerContext,
): GetQueueAttributesResult {
  const input = validatedInput<GetQueueAttributesRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  const names = input.AttributeNames ?? [];
  if (names.length === 0) return {};
  const all = queueAttributes(queue, context);
  const wanted = names.includes('All') ? Object.keys(all) : names;
  return {
    Attributes: Object.fromEntries(wanted.flatMap((name) => (name in all ? [[name, all[name]]] : []))),
  };
}

/** PurgeQueue: drops every message; a second purge within 60 s is PurgeQueueInProgress, as in SQS. */
export function purgeQueue(raw: Record<string, unknown>, context: HandlerContext): Record<string, never> {
  const input = validatedInput<PurgeQueueRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  const now = context.clock.now();
  if (queue.lastPurgeAt && now.getTime() - queue.lastPurgeAt.getTime() < 60_000) {
    throw sqsError(
      'PurgeQueueInProgress',
      `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`,
    );
  }
  queue.lastPurgeAt = now;
  queue.messages = [];
  context.state.sqs.notifyChanged();
  return {};
}
