import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityRequest,
  DeleteMessageBatchRequest,
  DeleteMessageBatchResult,
  DeleteMessageBatchResultEntry,
  DeleteMessageRequest,
} from '@aws-sdk/client-sqs';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { AwsServiceError } from '../../service-error.ts';
import { checkRange, requireQueue, sqsError } from './sqs-errors.ts';
import type { SqsMessageRecord, SqsQueue } from './sqs-state.ts';

/** A handle this queue never issued (or not a handle at all) is ReceiptHandleIsInvalid, as in SQS. */
function requireIssuedHandle(queue: SqsQueue, handle: string): string {
  const messageId = queue.issuedHandles.get(handle);
  if (messageId === undefined) {
    throw sqsError(
      'ReceiptHandleIsInvalid',
      `The input receipt handle "${handle}" is not a valid receipt handle.`,
    );
  }
  return messageId;
}

/** The message a handle can still act on: it exists and this is its latest receive. */
function messageOf(queue: SqsQueue, handle: string): SqsMessageRecord | undefined {
  const messageId = requireIssuedHandle(queue, handle);
  return queue.messages.find(
    (message) => message.messageId === messageId && message.currentReceiptHandle === handle,
  );
}

function deleteOne(queue: SqsQueue, handle: string, context: HandlerContext): void {
  const message = messageOf(queue, handle);
  // SQS documents that an old handle (message received again since, or already deleted) still
  // succeeds but deletes nothing; that is what lets a redelivered message be deleted exactly once.
  if (!message) return;
  queue.messages = queue.messages.filter((candidate) => candidate !== message);
  queue.deletedMessageIds.push(message.messageId);
  context.state.sqs.notifyChanged();
}

export function deleteMessage(raw: Record<string, unknown>, context: HandlerContext): Record<string, never> {
  const input = validatedInput<DeleteMessageRequest>(raw);
  deleteOne(requireQueue(context, input.QueueUrl), input.ReceiptHandle ?? '', context);
  return {};
}

/** DeleteMessageBatch: 1–10 entries with distinct ids; a bad handle fails only its own entry. */
export function deleteMessageBatch(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DeleteMessageBatchResult {
  const input = validatedInput<DeleteMessageBatchRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  const entries = input.Entries ?? [];
  if (entries.length === 0)
    throw sqsError(
      'EmptyBatchRequest',
      'There should be at least one DeleteMessageBatchRequestEntry in the request.',
    );
  if (entries.length > 10)
    throw sqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  if (new Set(entries.map((entry) => entry.Id)).size !== entries.length) {
    throw sqsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  }
  const successful: DeleteMessageBatchResultEntry[] = [];
  const failed: BatchResultErrorEntry[] = [];
  for (const entry of entries) {
    try {
      deleteOne(queue, entry.ReceiptHandle ?? '', context);
      successful.push({ Id: entry.Id });
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      failed.push({ Id: entry.Id, SenderFault: true, Code: error.queryCode, Message: error.message });
    }
  }
  return { Successful: successful, Failed: failed };
}

/**
 * ChangeMessageVisibility (0–43200 s from now; 0 makes it visible at once). A handle that no longer
 * names a message in flight is answered as SQS does: gone or superseded → InvalidParameterValue,
 * visible again → MessageNotInflight.
 */
export function changeMessageVisibility(
  raw: Record<string, unknown>,
  context: HandlerContext,
): Record<string, never> {
  const input = validatedInput<ChangeMessageVisibilityRequest>(raw);
  const queue = requireQueue(context, input.QueueUrl);
  checkRange('VisibilityTimeout', input.VisibilityTimeout, 0, 43_200);
  const handle = input.ReceiptHandle ?? '';
  const message = messageOf(queue, handle);
  if (!message) {
    throw sqsError(
      'InvalidParameterValue',
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
    );
  }
  const now = context.clock.now().getTime();
  if (message.visibleAt.getTime() <= now)
    throw sqsError('MessageNotInflight', 'The message is not in flight.');
  message.visibleAt = new Date(now + (input.VisibilityTimeout ?? 0) * 1000);
  context.state.sqs.notifyChanged();
  return {};
}
