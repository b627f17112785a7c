import { AwsServiceError } from '../service-error.ts';

/**
 * What AWS answers when the SigV4 header is absent or malformed (403). The JSON protocols use the
 * `…Exception` names, the query protocol the short codes.
 */
export function authenticationError(
  style: 'json' | 'query',
  reason: 'missing' | 'malformed',
  detail: string,
): AwsServiceError {
  const suffix = style === 'json' ? 'Exception' : '';
  if (reason === 'missing') {
    const message =
      style === 'json' ? 'Missing Authentication Token' : 'Request is missing Authentication Token';
    return new AwsServiceError(`MissingAuthenticationToken${suffix}`, message, { status: 403 });
  }
  return new AwsServiceError(`IncompleteSignature${suffix}`, detail, { status: 403 });
}
