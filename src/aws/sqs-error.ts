import { BotError } from '../errors.ts';

export type SqsErrorCode =
  | 'SQS.QUEUE_NOT_FOUND'
  | 'SQS.ACCESS_DENIED'
  | 'SQS.WRONG_REGION'
  | 'SQS.THROTTLED'
  | 'SQS.ABORTED'
  | 'SQS.FAILED';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidSecurity',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
  'KmsAccessDenied',
]);

function facts(error: unknown): {
  name: string;
  code?: string;
  status?: number;
  requestId?: string;
  message: string;
} {
  if (!(error instanceof Error)) return { name: 'UnknownError', message: String(error) };
  const { $metadata, Code } = error as {
    $metadata?: { httpStatusCode?: number; requestId?: string };
    Code?: unknown;
  };
  return {
    name: error.name,
    message: error.message,
    ...(typeof Code === 'string' ? { code: Code } : {}),
    ...($metadata?.httpStatusCode !== undefined ? { status: $metadata.httpStatusCode } : {}),
    ...($metadata?.requestId !== undefined ? { requestId: $metadata.requestId } : {}),
  };
}

function classify(name: string, code: string | undefined, status: number | undefined): SqsErrorCode {
  if (name === 'AbortError') return 'SQS.ABORTED';
  if (name === 'QueueDoesNotExist' || code === 'AWS.SimpleQueueService.NonExistentQueue')
    return 'SQS.QUEUE_NOT_FOUND';
  // SQS answers its throttles with 403, so they are told apart before access denied.
  if (name === 'RequestThrottled' || name === 'OverLimit' || /Throttl/.test(name) || status === 429) {
    return 'SQS.THROTTLED';
  }
  // A URL for one region signed for another: SQS answers SignatureDoesNotMatch or names the scope.
  if (name === 'SignatureDoesNotMatch' || /credential should be scoped/i.test(code ?? ''))
    return 'SQS.WRONG_REGION';
  if (ACCESS_DENIED.has(name) || ACCESS_DENIED.has(code ?? '') || status === 403) return 'SQS.ACCESS_DENIED';
  return 'SQS.FAILED';
}

/** What to do about each code, naming the queue so the operator can act on the log line alone. */
function userMessageFor(code: SqsErrorCode, queueUrl: string, operation: string): string {
  switch (code) {
    case 'SQS.QUEUE_NOT_FOUND':
      return `SQS queue ${queueUrl} does not exist (or not in that account and region): check SQS_QUEUE_URL, copied from the queue's details in the SQS console.`;
    case 'SQS.WRONG_REGION':
      return `SQS rejected the request for ${queueUrl} as signed for another region: use the queue's own URL (https://sqs.<region>.amazonaws.com/<account>/<name>), or set AWS_REGION to the queue's region.`;
    case 'SQS.ACCESS_DENIED':
      return `warroom may not ${operation} on SQS queue ${queueUrl}: give its role sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on the queue (deploy/iam-policy.json), and kms:Decrypt if the queue uses a customer KMS key.`;
    case 'SQS.THROTTLED':
      return `SQS is throttling ${operation} on ${queueUrl}; warroom backs off and retries.`;
    case 'SQS.ABORTED':
      return `${operation} on ${queueUrl} was stopped because warroom is stopping.`;
    default:
      return `SQS ${operation} on ${queueUrl} failed; warroom backs off and retries.`;
  }
}

/**
 * Maps anything an SQS call threw to a BotError coded `SQS.*`. The detail (for logs) names the
 * operation, error name, status and requestId, never message bodies or receipt handles.
 */
export function toSqsBotError(error: unknown, operation: string, queueUrl: string): BotError {
  const f = facts(error);
  const code = classify(f.name, f.code, f.status);
  const detail = [
    `SQS ${operation}: ${f.name}`,
    ...(f.status !== undefined ? [`HTTP ${f.status}`] : []),
    ...(f.requestId !== undefined ? [`requestId ${f.requestId}`] : []),
    f.message.slice(0, 300),
  ].join(', ');
  return new BotError(code, userMessageFor(code, queueUrl, operation), { cause: error, detail });
}
