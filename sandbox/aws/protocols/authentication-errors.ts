import { AwsServiceError } from '../service-error.ts';

/** Why a request's signature is refused before it reaches the service. */
export type AuthenticationFailure = 'missing' | 'malformed' | 'invalid-token' | 'expired-token';

/**
 * What AWS answers when the SigV4 header is absent or malformed (403), or signed with temporary
 * credentials it never issued (403) or that have expired (400). The JSON protocols use the
 * `…Exception` names, the query protocol the short codes.
 */
export function authenticationError(
  style: 'json' | 'query',
  reason: AuthenticationFailure,
  detail: string,
): AwsServiceError {
  const suffix = style === 'json' ? 'Exception' : '';
  if (reason === 'invalid-token') {
    const code = style === 'json' ? 'UnrecognizedClientException' : 'InvalidClientTokenId';
    return new AwsServiceError(code, 'The security token included in the request is invalid.', {
      status: 403,
    });
  }
  if (reason === 'expired-token') {
    return new AwsServiceError(
      `ExpiredToken${suffix}`,
      'The security token included in the request is expired',
      {
        status: 400,
      },
    );
  }
  if (reason === 'missing') {
    const message =
      style === 'json' ? 'Missing Authentication Token' : 'Request is missing Authentication Token';
    return new AwsServiceError(`MissingAuthenticationToken${suffix}`, message, { status: 403 });
  }
  return new AwsServiceError(`IncompleteSignature${suffix}`, detail, { status: 403 });
}
