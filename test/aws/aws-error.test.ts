import { describe, expect, it } from 'vitest';
import { isUncertainAwsFailure, toAwsBotError } from '../../src/aws/aws-error.ts';

function sdkError(name: string, status: number, message = 'AWS said no'): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-42' },
  });
}

describe('toAwsBotError', () => {
  it.each([
    ['ThrottlingException', 429, 'AWS.THROTTLED'],
    ['Throttling', 400, 'AWS.THROTTLED'],
    ['AccessDeniedException', 403, 'AWS.ACCESS_DENIED'],
    ['AuthorizationErrorException', 403, 'AWS.ACCESS_DENIED'],
    ['ResourceNotFoundException', 404, 'AWS.NOT_FOUND'],
    ['DBInstanceNotFoundFault', 404, 'AWS.NOT_FOUND'],
    ['AutomationExecutionNotFoundException', 400, 'AWS.NOT_FOUND'],
    ['ValidationException', 400, 'AWS.VALIDATION'],
    ['InvalidParameterValue', 400, 'AWS.VALIDATION'],
    ['MissingParameter', 400, 'AWS.VALIDATION'],
    ['ConflictException', 409, 'AWS.CONFLICT'],
    ['IdempotentParameterMismatch', 400, 'AWS.CONFLICT'],
    ['InternalServerException', 500, 'AWS.FAILED'],
    ['NotImplemented', 501, 'AWS.FAILED'],
  ])('maps %s (%i) to %s', (name, status, code) => {
    expect(toAwsBotError(sdkError(name, status), 'Incident Manager', 'GetIncidentRecord').code).toBe(code);
  });

  it('falls back on the HTTP status for names it does not know', () => {
    expect(toAwsBotError(sdkError('SomethingNew', 429), 'RDS', 'DescribeDBInstances').code).toBe(
      'AWS.THROTTLED',
    );
    expect(toAwsBotError(sdkError('SomethingNew', 403), 'RDS', 'DescribeDBInstances').code).toBe(
      'AWS.ACCESS_DENIED',
    );
  });

  it('says it in plain words and keeps the requestId for the log', () => {
    const error = toAwsBotError(
      sdkError('ThrottlingException', 429, 'Rate exceeded'),
      'Incident Manager',
      'UpdateIncidentRecord',
    );
    expect(error.userMessage).toBe('AWS is throttling Incident Manager calls; warroom will retry.');
    expect(error.message).toContain('requestId req-42');
    expect(error.message).toContain('UpdateIncidentRecord: ThrottlingException, HTTP 429');
    expect(error.userMessage).not.toContain('req-42');
  });

  it('maps network failures and non-errors to AWS.FAILED', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toAwsBotError(refused, 'SNS', 'ConfirmSubscription').code).toBe('AWS.FAILED');
    expect(toAwsBotError('boom', 'SNS', 'ConfirmSubscription').code).toBe('AWS.FAILED');
  });
});

describe('isUncertainAwsFailure', () => {
  const transport = (name: string, code: string) =>
    Object.assign(new Error(`read ${code}`), { name, code, $metadata: { attempts: 3 } });

  it('takes a 5xx or a connection lost after sending as "may have happened"', () => {
    expect(isUncertainAwsFailure(sdkError('InternalServerError', 500))).toBe(true);
    expect(isUncertainAwsFailure(sdkError('ServiceUnavailable', 503))).toBe(true);
    // How the SDK reports a reset: TimeoutError with code ECONNRESET and no HTTP status.
    expect(isUncertainAwsFailure(transport('TimeoutError', 'ECONNRESET'))).toBe(true);
    expect(isUncertainAwsFailure(transport('TimeoutError', 'ETIMEDOUT'))).toBe(true);
  });

  it('takes a refusal, or a connection never made, as definite', () => {
    expect(isUncertainAwsFailure(sdkError('ValidationException', 400))).toBe(false);
    expect(isUncertainAwsFailure(sdkError('ThrottlingException', 429))).toBe(false);
    expect(isUncertainAwsFailure(transport('Error', 'ECONNREFUSED'))).toBe(false);
    expect(isUncertainAwsFailure(transport('Error', 'ENOTFOUND'))).toBe(false);
    expect(
      isUncertainAwsFailure(Object.assign(new Error('no creds'), { name: 'CredentialsProviderError' })),
    ).toBe(false);
  });

  it('reads through the BotError that wraps the SDK error', () => {
    const wrapped = toAwsBotError(
      sdkError('InternalServerError', 500),
      'Systems Manager',
      'StartAutomationExecution',
    );
    expect(isUncertainAwsFailure(wrapped)).toBe(true);
    const refused = toAwsBotError(
      sdkError('AccessDeniedException', 403),
      'Systems Manager',
      'StartAutomationExecution',
    );
    expect(isUncertainAwsFailure(refused)).toBe(false);
  });
});
