import type { WireRequest } from '../../../sandbox/aws/protocols/protocol.ts';

/** A WireRequest for protocol unit tests; JSON bodies may be given as objects. */
export function wireRequest(parts: {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | object;
}): WireRequest {
  const body =
    typeof parts.body === 'string' ? parts.body : parts.body === undefined ? '' : JSON.stringify(parts.body);
  return {
    method: parts.method ?? 'POST',
    path: parts.path ?? '/',
    query: new URLSearchParams(parts.query ?? ''),
    headers: parts.headers ?? {},
    body: Buffer.from(body),
  };
}

/** A syntactically valid SigV4 header; the emulator checks its form, not the HMAC. */
export function fakeAuthorization(service: string, region = 'us-east-1'): string {
  return (
    `AWS4-HMAC-SHA256 Credential=AKIDTEST/20261122/${region}/${service}/aws4_request, ` +
    `SignedHeaders=host;x-amz-date, Signature=${'ab'.repeat(32)}`
  );
}
