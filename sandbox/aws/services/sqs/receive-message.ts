import { randomUUID } from 'node:crypto';
import type { Message, ReceiveMessageRequest, ReceiveMessageResult } from '@aws-sdk/client-sqs';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { checkRange, requireQueue } from './sqs-errors.ts';
import { md5OfMessageAttributes } from './sqs-md5.ts';
import type { SqsMessageRecord, SqsQueue } from './sqs-state.ts';

/** How often a waiting long poll looks again without a send: visibility runs on the injected clock. */
const RECHECK_MS = 100;

const SYSTEM_ATTRIBUTES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
];

/**
 * ReceiveMessage: up to MaxNumberOfMessages (1–10) visible messages, each hidden again for the
 * visibility timeout, with a new receipt handle every time. With WaitTimeSeconds (0–20, default the
 * queue's) it long-polls in real time and answers as soon as a message can be taken, when the wait
 * is over, or when the emulator's SQS is closed (then with none).
 */
export async function receiveMessage(
  raw: Record<string, unknown>,
  context: HandlerContext,
): Promise<ReceiveMessageResult> {
  const input = validatedInput<ReceiveMessageRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  checkRange('MaxNumberOfMessages', input.MaxNumberOfMessages, 1, 10);
  checkRange('WaitTimeSeconds', input.WaitTimeSeconds, 0, 20);
  checkRange('VisibilityTimeout', input.VisibilityTimeout, 0, 43_200);
  const sqs = context.state.sqs;
  const waitMs = (input.WaitTimeSeconds ?? queue.settings.ReceiveMessageWaitTimeSeconds) * 1000;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken = sqs.visibleMessages(queue).slice(0, input.MaxNumberOfMessages ?? 1);
    if (taken.length > 0)
      return { Messages: taken.map((message) => receiveOne(queue, message, input, context)) };
    const left = deadline - Date.now();
    if (left <= 0 || sqs.isClosed) return {};
    await sqs.changed(Math.min(RECHECK_MS, left));
  }
}

function receiveOne(
  queue: SqsQueue,
  message: SqsMessageRecord,
  input: ReceiveMessageRequest,
  context: HandlerContext,
): Message {
  const now = context.clock.now();
  message.receiveCount += 1;
  message.firstReceivedAt ??= now;
  const visibilitySeconds = input.VisibilityTimeout ?? queue.settings.VisibilityTimeout;
  message.visibleAt = new Date(now.getTime() + visibilitySeconds * 1000);
  const handle = Buffer.from(
    `${queue.name}:${message.messageId}:${message.receiveCount}:${randomUUID()}`,
  ).toString('base64');
  message.currentReceiptHandle = handle;
  queue.issuedHandles.set(handle, message.messageId);
  const attributes = systemAttributes(
    message,
    [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])],
    context,
  );
  const userAttributes = selectUserAttributes(message, input.MessageAttributeNames ?? []);
  return {
    MessageId: message.messageId,
    ReceiptHandle: handle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(userAttributes
      ? { MessageAttributes: userAttributes, MD5OfMessageAttributes: md5OfMessageAttributes(userAttributes) }
      : {}),
  };
}

function systemAttributes(
  message: SqsMessageRecord,
  names: string[],
  context: HandlerContext,
): Record<string, string> {
  const all: Record<string, string> = {
    SenderId: context.accountId,
    SentTimestamp: String(message.sentAt.getTime()),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String((message.firstReceivedAt ?? message.sentAt).getTime()),
  };
  const wanted = names.includes('All') ? SYSTEM_ATTRIBUTES : names.filter((name) => name in all);
  return Object.fromEntries(wanted.map((name) => [name, all[name] as string]));
}

/** `All` or `.*` selects every attribute, `prefix.*` those under the prefix, anything else by name. */
function selectUserAttributes(
  message: SqsMessageRecord,
  names: string[],
): SqsMessageRecord['messageAttributes'] {
  const attributes = message.messageAttributes;
  if (!attributes || names.length === 0) return undefined;
  const wanted = (name: string) =>
    names.some(
      (pattern) =>
        pattern === 'All' ||
        pattern === '.*' ||
        pattern === name ||
        (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
    );
  const selected = Object.fromEntries(Object.entries(attributes).filter(([name]) => wanted(name)));
  return Object.keys(selected).length > 0 ? selected : undefined;
}
