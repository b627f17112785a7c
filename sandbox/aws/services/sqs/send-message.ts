import { randomUUID } from 'node:crypto';
import type {
  BatchResultErrorEntry,
  MessageAttributeValue,
  SendMessageBatchRequest,
  SendMessageBatchResult,
  SendMessageBatchResultEntry,
  SendMessageRequest,
  SendMessageResult,
} from '@aws-sdk/client-sqs';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { AwsServiceError } from '../../service-error.ts';
import { checkRange, requireQueue, sqsError } from './sqs-errors.ts';
import { md5OfBody, md5OfMessageAttributes } from './sqs-md5.ts';
import type { SqsQueue } from './sqs-state.ts';

// The characters SQS allows in a body: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
const FORBIDDEN_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/i;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

type SendInput = Pick<SendMessageRequest, 'MessageBody' | 'DelaySeconds' | 'MessageAttributes'>;

function checkAttributes(attributes: Record<string, MessageAttributeValue>): number {
  const names = Object.keys(attributes);
  if (names.length > 10) {
    throw sqsError(
      'InvalidParameterValue',
      `Number of message attributes [${names.length}] exceeds the allowed maximum [10].`,
    );
  }
  let size = 0;
  for (const name of names) {
    const value = attributes[name] as MessageAttributeValue;
    if (!ATTRIBUTE_NAME.test(name)) {
      throw sqsError('InvalidParameterValue', `Message attribute name '${name}' is invalid.`);
    }
    const dataType = value.DataType ?? '';
    const binary = dataType.startsWith('Binary');
    if (!/^(String|Number|Binary)(\..+)?$/.test(dataType)) {
      throw sqsError(
        'InvalidParameterValue',
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    }
    const present = binary ? (value.BinaryValue?.length ?? 0) > 0 : (value.StringValue ?? '') !== '';
    if (!present) {
      throw sqsError(
        'InvalidParameterValue',
        `The message attribute '${name}' must contain a non-empty message attribute value for message attribute type '${dataType}'.`,
      );
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(dataType);
    size += binary ? (value.BinaryValue?.length ?? 0) : Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}

/** Checks and enqueues one message; the result carries the MD5s the SDK verifies. */
function enqueue(queue: SqsQueue, input: SendInput, context: HandlerContext): SendMessageResult {
  const body = input.MessageBody ?? '';
  if (body === '') throw sqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
  const bad = FORBIDDEN_CHARACTER.exec(body);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
    throw sqsError(
      'InvalidMessageContents',
      `Invalid binary character '#x${code}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    );
  }
  checkRange('DelaySeconds', input.DelaySeconds, 0, 900);
  const attributes = input.MessageAttributes;
  const size = Buffer.byteLength(body) + (attributes ? checkAttributes(attributes) : 0);
  if (size > queue.settings.MaximumMessageSize) {
    throw sqsError(
      'InvalidParameterValue',
      `One or more parameters are invalid. Reason: Message must be shorter than ${queue.settings.MaximumMessageSize} bytes.`,
    );
  }
  const now = context.clock.now();
  const delaySeconds = input.DelaySeconds ?? queue.settings.DelaySeconds;
  const messageId = randomUUID();
  const md5 = md5OfBody(body);
  const withAttributes = attributes && Object.keys(attributes).length > 0 ? attributes : undefined;
  queue.messages.push({
    messageId,
    body,
    md5OfBody: md5,
    ...(withAttributes ? { messageAttributes: withAttributes } : {}),
    sentAt: now,
    visibleAt: new Date(now.getTime() + delaySeconds * 1000),
    receiveCount: 0,
  });
  context.state.sqs.notifyChanged();
  return {
    MessageId: messageId,
    MD5OfMessageBody: md5,
    ...(withAttributes ? { MD5OfMessageAttributes: md5OfMessageAttributes(withAttributes) } : {}),
  };
}

export function sendMessage(raw: Record<string, unknown>, context: HandlerContext): SendMessageResult {
  const input = validatedInput<SendMessageRequest>(raw);
  return enqueue(requireQueue(context, input.QueueUrl), input, context);
}

/**
 * SendMessageBatch: 1–10 entries with distinct, well-formed ids, at most 256 KiB together. An
 * entry that fails is listed in Failed with its code; the others are sent.
 */
export function sendMessageBatch(
  raw: Record<string, unknown>,
  context: HandlerContext,
): SendMessageBatchResult {
  const input = validatedInput<SendMessageBatchRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  const entries = input.Entries ?? [];
  if (entries.length === 0)
    throw sqsError(
      'EmptyBatchRequest',
      'There should be at least one SendMessageBatchRequestEntry in the request.',
    );
  if (entries.length > 10)
    throw sqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  const ids = entries.map((entry) => entry.Id ?? '');
  const badId = ids.find((id) => !BATCH_ENTRY_ID.test(id));
  if (badId !== undefined)
    throw sqsError(
      'InvalidBatchEntryId',
      `A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.`,
    );
  if (new Set(ids).size !== ids.length)
    throw sqsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  const total = entries.reduce((sum, entry) => sum + Buffer.byteLength(entry.MessageBody ?? ''), 0);
  if (total > 262_144)
    throw sqsError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than 262144 bytes. You have sent ${total} bytes.`,
    );
  const successful: SendMessageBatchResultEntry[] = [];
  const failed: BatchResultErrorEntry[] = [];
  for (const entry of entries) {
    try {
      const sent = enqueue(queue, entry, context);
      successful.push({
        Id: entry.Id,
        MessageId: sent.MessageId,
        MD5OfMessageBody: sent.MD5OfMessageBody,
        ...(sent.MD5OfMessageAttributes ? { MD5OfMessageAttributes: sent.MD5OfMessageAttributes } : {}),
      });
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      failed.push({ Id: entry.Id, SenderFault: true, Code: error.queryCode, Message: error.message });
    }
  }
  return { Successful: successful, Failed: failed };
}
