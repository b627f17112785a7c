import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { readDelivery } from '../../src/slack/slack-delivery.ts';

/** The Web API client's error shapes (errors.ts in @slack/web-api), as it throws them. */
const requestError = (socketCode: string) => ({
  code: webApi.ErrorCode.RequestError,
  original: Object.assign(new TypeError('fetch failed'), { cause: { code: socketCode } }),
});
const httpError = (statusCode: number) => ({ code: webApi.ErrorCode.HTTPError, statusCode });
const platformError = (error: string) => ({
  code: webApi.ErrorCode.PlatformError,
  data: { ok: false, error },
});

describe('readDelivery: did Slack carry the call out?', () => {
  it('may have: an HTTP 5xx, a connection lost after sending, internal_error, fatal_error', () => {
    expect(readDelivery(httpError(500))).toEqual({ kind: 'unknown', reason: 'HTTP 500' });
    expect(readDelivery(httpError(503))).toMatchObject({ kind: 'unknown' });
    expect(readDelivery(requestError('ECONNRESET'))).toEqual({ kind: 'unknown', reason: 'ECONNRESET' });
    expect(readDelivery(requestError('UND_ERR_SOCKET'))).toMatchObject({ kind: 'unknown' });
    expect(readDelivery(platformError('internal_error'))).toMatchObject({ kind: 'unknown' });
    expect(readDelivery(platformError('fatal_error'))).toMatchObject({ kind: 'unknown' });
  });

  it('did not: a connection never made, a body Slack says arrived truncated', () => {
    expect(readDelivery(requestError('ECONNREFUSED'))).toEqual({ kind: 'not-sent', reason: 'ECONNREFUSED' });
    expect(readDelivery(requestError('ENOTFOUND'))).toMatchObject({ kind: 'not-sent' });
    expect(readDelivery(platformError('request_timeout'))).toMatchObject({ kind: 'not-sent' });
  });

  it('refused: Slack said no, or rate limited it', () => {
    expect(readDelivery(platformError('channel_not_found'))).toEqual({ kind: 'refused' });
    expect(readDelivery(httpError(404))).toEqual({ kind: 'refused' });
    expect(readDelivery({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 7 })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 7,
    });
    expect(readDelivery(new Error('something else'))).toEqual({ kind: 'refused' });
  });
});
