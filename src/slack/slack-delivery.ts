import { webApi } from '@slack/bolt';

/**
 * What a failed Web API call says about whether Slack carried it out:
 * - `rate-limited`: refused (HTTP 429) before doing anything;
 * - `not-sent`: the request never reached Slack (connection refused, no DNS) or Slack says it
 *   did not read it (`request_timeout`: the body arrived truncated);
 * - `unknown`: it may have been carried out: an HTTP 5xx, a connection dropped after sending, or
 *   Slack's own `internal_error` / `fatal_error` ("it's possible some aspect of the operation
 *   succeeded before the error was raised") or `service_unavailable`;
 * - `refused`: any other answer (a Slack error such as `channel_not_found`): nothing was done.
 */
export type Delivery =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'not-sent'; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'refused' };

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const MAYBE_DONE_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable']);

export function readDelivery(error: unknown): Delivery {
  const coded = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    original?: { code?: unknown; cause?: { code?: unknown } };
    data?: { error?: string };
  };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { kind: 'rate-limited', retryAfterSeconds: coded.retryAfter ?? 1 };
    case webApi.ErrorCode.HTTPError:
      return (coded.statusCode ?? 0) >= 500
        ? { kind: 'unknown', reason: `HTTP ${coded.statusCode}` }
        : { kind: 'refused' };
    case webApi.ErrorCode.RequestError: {
      // fetch puts the socket's code on the TypeError's cause.
      const socketCode = coded.original?.cause?.code ?? coded.original?.code;
      const reason = typeof socketCode === 'string' ? socketCode : 'no answer';
      return NOT_SENT_CODES.has(reason) ? { kind: 'not-sent', reason } : { kind: 'unknown', reason };
    }
    case webApi.ErrorCode.PlatformError: {
      const said = coded.data?.error ?? '';
      if (said === 'request_timeout') return { kind: 'not-sent', reason: said };
      return MAYBE_DONE_ERRORS.has(said) ? { kind: 'unknown', reason: said } : { kind: 'refused' };
    }
    default:
      return { kind: 'refused' };
  }
}
