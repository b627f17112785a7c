import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { VerifiedSnsMessage } from '../intake/index.ts';
import { inboxItemOf } from '../intake/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './respond.ts';

/** SNS's own limit for a message is 256 KiB; the envelope adds little, so more is not SNS. */
export const SNS_BODY_LIMIT = 256 * 1024;

/** Reasons that are the sender's format, not its authenticity: 400 rather than 403. */
const MALFORMED_REASONS = new Set(['malformed_json', 'invalid_envelope', 'unsupported_signature_version']);

export interface SnsRouteDeps {
  verify: (rawBody: string) => Promise<VerifiedSnsMessage>;
  confirmSubscription: (topicArn: string, token: string) => Promise<{ subscriptionArn: string }>;
  store: Store;
  onStored: () => void;
  clock: Clock;
  metrics: Metrics;
  logger: Logger;
}

function refuse(
  deps: SnsRouteDeps,
  response: ServerResponse,
  status: number,
  reason: string,
  message: string,
): void {
  deps.metrics.snsRejected.inc({ reason });
  deps.logger.warn({ reason, status }, `refused an SNS request: ${message}`);
  sendJson(response, status, { error: reason, message });
}

/**
 * POST /sns. Answers 2xx only once the notification is durably in the inbox (processing follows
 * from there), so nothing SNS delivers is lost; every refusal is a 4xx with a short reason.
 */
export function createSnsRoute(deps: SnsRouteDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    deps.metrics.snsReceived.inc();
    if (String(request.headers['x-amz-sns-rawdelivery'] ?? '').toLowerCase() === 'true') {
      request.resume();
      return refuse(
        deps,
        response,
        400,
        'raw_delivery',
        'raw message delivery carries no signature; turn it off',
      );
    }
    let raw: string;
    try {
      raw = await readBody(request, SNS_BODY_LIMIT);
    } catch {
      return refuse(deps, response, 413, 'too_large', 'body is larger than an SNS message can be');
    }
    let message: VerifiedSnsMessage;
    try {
      message = await deps.verify(raw);
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? 'invalid_envelope';
      const userMessage = isBotError(error) ? error.userMessage : 'invalid SNS message';
      return refuse(deps, response, MALFORMED_REASONS.has(reason) ? 400 : 403, reason, userMessage);
    }
    deps.metrics.snsVerified.inc({ type: message.type });
    if (message.type === 'SubscriptionConfirmation') return confirm(deps, message, response);
    if (message.type === 'UnsubscribeConfirmation') {
      // Fetching SubscribeURL would re-subscribe; an unsubscribe is somebody's decision, so only record it.
      deps.logger.warn(
        { topicArn: message.topicArn },
        'SNS says this endpoint was unsubscribed from a topic',
      );
      return sendJson(response, 200, { ok: true, unsubscribed: message.topicArn });
    }
    try {
      const saved = await deps.store.saveNotification(inboxItemOf(message, deps.clock.now()));
      if (saved === 'duplicate') deps.metrics.snsDuplicates.inc();
      sendJson(response, 200, { ok: true, messageId: message.messageId, duplicate: saved === 'duplicate' });
    } catch (error) {
      deps.logger.error({ err: error, messageId: message.messageId }, 'could not store a notification');
      // 5xx: SNS retries, and nothing was acknowledged that is not stored.
      return sendJson(response, 500, {
        error: 'store_unavailable',
        message: 'could not store the notification',
      });
    }
    deps.onStored();
  };
}

async function confirm(
  deps: SnsRouteDeps,
  message: VerifiedSnsMessage,
  response: ServerResponse,
): Promise<void> {
  if (!message.token)
    return refuse(deps, response, 400, 'invalid_envelope', 'subscription confirmation without a token');
  try {
    // ConfirmSubscription through the SDK, never a GET of the (unsigned-host) SubscribeURL.
    const { subscriptionArn } = await deps.confirmSubscription(message.topicArn, message.token);
    deps.logger.info({ topicArn: message.topicArn, subscriptionArn }, 'confirmed the SNS subscription');
    sendJson(response, 200, { ok: true, subscriptionArn });
  } catch (error) {
    deps.logger.error({ err: error, topicArn: message.topicArn }, 'could not confirm the SNS subscription');
    sendJson(response, 502, {
      error: 'confirm_failed',
      message: isBotError(error) ? error.userMessage : 'confirm failed',
    });
  }
}
