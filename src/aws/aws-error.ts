import { BotError, isBotError } from '../errors.ts';

/** The AWS services warroom calls, named as users know them. */
export type AwsServiceLabel =
  | 'Incident Manager'
  | 'Incident Manager Contacts'
  | 'Systems Manager'
  | 'RDS'
  | 'SNS'
  | 'CloudWatch';

export type AwsErrorCode =
  | 'AWS.THROTTLED'
  | 'AWS.ACCESS_DENIED'
  | 'AWS.NOT_FOUND'
  | 'AWS.VALIDATION'
  | 'AWS.CONFLICT'
  | 'AWS.FAILED';

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
]);
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'OpsItemAccessDeniedException',
  'AccessDenied',
  'AuthorizationErrorException',
  'AuthorizationError',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'IncompleteSignatureException',
  'SignatureDoesNotMatch',
]);
const CONFLICT = new Set([
  'ConflictException',
  'IdempotentParameterMismatch',
  'InvalidAutomationStatusUpdateException',
]);

interface SdkErrorFacts {
  name: string;
  status?: number;
  requestId?: string;
  message: string;
}

/** Reads what the SDK puts on its errors (`name`, `$metadata`) without trusting the shape. */
function readSdkError(error: unknown): SdkErrorFacts {
  if (!(error instanceof Error)) return { name: 'UnknownError', message: String(error) };
  const metadata = (error as { $metadata?: unknown }).$metadata;
  const facts: SdkErrorFacts = { name: error.name, message: error.message };
  if (typeof metadata === 'object' && metadata !== null) {
    const { httpStatusCode, requestId } = metadata as { httpStatusCode?: unknown; requestId?: unknown };
    if (typeof httpStatusCode === 'number') facts.status = httpStatusCode;
    if (typeof requestId === 'string') facts.requestId = requestId;
  }
  return facts;
}

function classify({ name, status }: SdkErrorFacts): AwsErrorCode {
  if (THROTTLING.has(name) || status === 429) return 'AWS.THROTTLED';
  if (ACCESS_DENIED.has(name) || status === 403) return 'AWS.ACCESS_DENIED';
  if (CONFLICT.has(name) || status === 409) return 'AWS.CONFLICT';
  if (/NotFound/.test(name) || status === 404) return 'AWS.NOT_FOUND';
  if (/Validation|^Invalid|MissingParameter/.test(name) || status === 400) return 'AWS.VALIDATION';
  return 'AWS.FAILED';
}

function userMessageFor(code: AwsErrorCode, service: AwsServiceLabel): string {
  switch (code) {
    case 'AWS.THROTTLED':
      return `AWS is throttling ${service} calls; warroom will retry.`;
    case 'AWS.ACCESS_DENIED':
      return `warroom is not allowed to make this ${service} call; check the IAM permissions of its role.`;
    case 'AWS.NOT_FOUND':
      return `${service} could not find that resource.`;
    case 'AWS.VALIDATION':
      return `${service} rejected the request as invalid.`;
    case 'AWS.CONFLICT':
      return `${service} refused the change because it conflicts with an earlier one.`;
    default:
      return `The call to ${service} failed; try again in a moment.`;
  }
}

/**
 * Maps anything an SDK call threw to a BotError with a stable `AWS.*` code and a plain-words
 * userMessage. The detail (for logs) names the operation, error name, status and requestId, plus
 * AWS's message cut short; raw responses are never included.
 */
export function toAwsBotError(error: unknown, service: AwsServiceLabel, operation: string): BotError {
  // Already in words (a role that could not be taken on, thrown by the credentials provider).
  if (isBotError(error)) return error;
  const facts = readSdkError(error);
  const code = classify(facts);
  const parts = [`${service} ${operation}: ${facts.name}`];
  if (facts.status !== undefined) parts.push(`HTTP ${facts.status}`);
  if (facts.requestId !== undefined) parts.push(`requestId ${facts.requestId}`);
  parts.push(facts.message.slice(0, 300));
  return new BotError(code, userMessageFor(code, service), { cause: error, detail: parts.join(', ') });
}

/** Transport failures that happen before a request leaves this machine: it cannot have been carried out. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const NOT_SENT_NAMES = new Set(['CredentialsProviderError']);

/**
 * Whether a failed AWS call may have been carried out all the same: an HTTP 5xx, or no answer at
 * all after the request went out (a reset, a timeout). Such a failure is not a failure to report as
 * "try again": the effect may have happened. A refusal (4xx) or a connection never made is
 * definite. Takes the SDK's error or the BotError wrapping it. The SDK has already retried these
 * with the same request, which is safe only for calls that carry an idempotency token.
 */
export function isUncertainAwsFailure(error: unknown): boolean {
  // No role, no request: the call itself never left.
  if (isBotError(error) && error.code.startsWith('ACCOUNT.ROLE_')) return false;
  const raw = isBotError(error) && error.cause !== undefined ? error.cause : error;
  if (!(raw instanceof Error)) return false;
  const facts = readSdkError(raw);
  if (facts.status !== undefined) return facts.status >= 500;
  const code = (raw as { code?: unknown }).code;
  if (typeof code === 'string' && NOT_SENT.has(code)) return false;
  return !NOT_SENT_NAMES.has(facts.name);
}
