import { loadServiceModel } from '../../model/service-model.ts';
import type { HandlerContext } from '../../service-definition.ts';
import { type AwsServiceError, modelledError } from '../../service-error.ts';
import type { SqsQueue } from './sqs-state.ts';

/**
 * An error from the SQS model: the shape name travels in `__type`, the legacy query code and
 * status (added to the trimmed model, see scripts/trim-aws-models.ts) in `x-amzn-query-error`.
 * Codes SQS answers without a modelled shape (InvalidParameterValue, MissingParameter) are 400s.
 */
export function sqsError(code: string, message: string): AwsServiceError {
  return modelledError(loadServiceModel('sqs'), code, message);
}

/** SQS's wording for a number out of its documented range. */
export function checkRange(parameter: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) return;
  throw sqsError(
    'InvalidParameterValue',
    `Value ${value} for parameter ${parameter} is invalid. Reason: Must be between ${min} and ${max}, if provided.`,
  );
}

/**
 * The queue a QueueUrl names (`<scheme>://<host>/<account>/<name>`, host not compared: the SDK may
 * reach the emulator by any name). Another account or an unknown name is QueueDoesNotExist, a URL
 * without that shape InvalidAddress, as SQS answers.
 */
export function requireQueue(context: HandlerContext, queueUrl: string | undefined): SqsQueue {
  let segments: string[];
  try {
    segments = new URL(queueUrl ?? '').pathname.split('/').filter(Boolean);
  } catch {
    throw sqsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
  }
  const [accountId, name] = segments;
  if (segments.length !== 2 || !accountId || !name) {
    throw sqsError('InvalidAddress', `The address ${queueUrl} is not valid for this endpoint.`);
  }
  const queue = accountId === context.accountId ? context.state.sqs.queues.get(name) : undefined;
  if (!queue) throw sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return queue;
}

/** Where the request reached the emulator (`http://127.0.0.1:P`), for the queue URLs it hands out. */
export const REQUEST_ORIGIN = Symbol('sqs request origin');

export function requestOrigin(input: Record<string, unknown>): string {
  const origin = (input as { [REQUEST_ORIGIN]?: unknown })[REQUEST_ORIGIN];
  return typeof origin === 'string' ? origin : 'http://127.0.0.1';
}
