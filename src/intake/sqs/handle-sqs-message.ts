import type { SqsReceivedMessage } from '../../aws/sqs-port.ts';
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import { inboxItemOf } from '../sns/inbox-item.ts';
import type { VerifiedSnsMessage } from '../sns/sns-message.ts';
import { SnsRejectedError, type SnsRejectReason } from '../sns/sns-rejected-error.ts';

/** Why a message was deleted unprocessed: the verifier's reasons, plus a raw-delivery body. */
export type SqsRejectReason = Exclude<SnsRejectReason, 'cert_unavailable'> | 'raw_delivery';

/** Why a message was left in the queue to come back after its visibility timeout. */
export type SqsKeepReason = 'cert_unavailable' | 'store_failed' | 'confirm_failed' | 'unexpected';

/** What became of one message, and so whether the poller deletes it. */
export type SqsMessageOutcome =
  | { outcome: 'stored' | 'duplicate' | 'confirmed' | 'unsubscribed'; delete: true }
  | { outcome: 'rejected'; reason: SqsRejectReason; delete: true }
  | { outcome: 'kept'; reason: SqsKeepReason; delete: false };

export interface SqsMessageHandlerDeps {
  /** The same verifier POST /sns uses (signature, certificate URL, topic allow-list). */
  verify: (rawBody: string) => Promise<VerifiedSnsMessage>;
  confirmSubscription: (topicArn: string, token: string) => Promise<{ subscriptionArn: string }>;
  store: Pick<Store, 'saveNotification'>;
  /** Called once a notification is in the inbox (processing follows from there, as for POST /sns). */
  onStored: () => void;
  clock: Clock;
  logger: Logger;
}

/** A JSON object with neither `Type` nor `Signature` is an SNS Message delivered raw, not an envelope. */
function looksLikeRawDelivery(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !('Type' in value) && !('Signature' in value);
  } catch {
    return false;
  }
}

/**
 * Handles one SQS message whose body should be a signed SNS envelope (raw message delivery off),
 * exactly as POST /sns handles a request: verify, then store a Notification in the inbox (deduped
 * by SNS MessageId), confirm a SubscriptionConfirmation, record an UnsubscribeConfirmation. What
 * can never become valid is `rejected` (delete it); what may succeed on a later delivery (the
 * certificate could not be fetched, the store or SNS failed) is `kept` (leave it for redelivery).
 * Never logs the body, the token or the receipt handle.
 */
export function createSqsMessageHandler(deps: SqsMessageHandlerDeps) {
  return async (received: SqsReceivedMessage): Promise<SqsMessageOutcome> => {
    const where = { sqsMessageId: received.sqsMessageId, receiveCount: received.receiveCount };
    if (looksLikeRawDelivery(received.body)) {
      deps.logger.warn(
        where,
        'deleted an SQS message that is not an SNS envelope: turn raw message delivery OFF on the SNS subscription (the envelope carries the signature)',
      );
      return { outcome: 'rejected', reason: 'raw_delivery', delete: true };
    }
    let message: VerifiedSnsMessage;
    try {
      message = await deps.verify(received.body);
    } catch (error) {
      if (!(error instanceof SnsRejectedError)) {
        deps.logger.error({ ...where, err: error }, 'could not verify an SQS message; it stays in the queue');
        return { outcome: 'kept', reason: 'unexpected', delete: false };
      }
      if (error.reason === 'cert_unavailable') {
        deps.logger.warn(
          { ...where, detail: error.message },
          'SNS signing certificate unavailable; the SQS message stays in the queue and comes back after its visibility timeout',
        );
        return { outcome: 'kept', reason: 'cert_unavailable', delete: false };
      }
      deps.logger.warn(
        { ...where, reason: error.reason, detail: error.message },
        `deleted an SQS message that can never be a valid SNS notification: ${error.userMessage}`,
      );
      return { outcome: 'rejected', reason: error.reason, delete: true };
    }
    const about = { ...where, snsMessageId: message.messageId, topicArn: message.topicArn };
    if (message.type === 'SubscriptionConfirmation') return confirm(deps, message, about);
    if (message.type === 'UnsubscribeConfirmation') {
      // As for POST /sns: fetching SubscribeURL would re-subscribe, and unsubscribing was somebody's decision.
      deps.logger.warn(about, 'SNS says the queue was unsubscribed from a topic');
      return { outcome: 'unsubscribed', delete: true };
    }
    try {
      const saved = await deps.store.saveNotification(inboxItemOf(message, deps.clock.now()));
      deps.onStored();
      return { outcome: saved, delete: true };
    } catch (error) {
      deps.logger.error(
        { ...about, err: error },
        'could not store a notification from SQS; it stays in the queue',
      );
      return { outcome: 'kept', reason: 'store_failed', delete: false };
    }
  };
}

async function confirm(
  deps: SqsMessageHandlerDeps,
  message: VerifiedSnsMessage,
  about: Record<string, unknown>,
): Promise<SqsMessageOutcome> {
  if (!message.token) {
    deps.logger.warn(about, 'deleted an SQS subscription confirmation without a token');
    return { outcome: 'rejected', reason: 'invalid_envelope', delete: true };
  }
  try {
    // ConfirmSubscription through the SDK, never a GET of the SubscribeURL (as POST /sns does).
    const { subscriptionArn } = await deps.confirmSubscription(message.topicArn, message.token);
    deps.logger.info({ ...about, subscriptionArn }, 'confirmed the SNS subscription of the SQS queue');
    return { outcome: 'confirmed', delete: true };
  } catch (error) {
    deps.logger.error(
      { ...about, err: error },
      'could not confirm the SNS subscription; the message stays in the queue',
    );
    return { outcome: 'kept', reason: 'confirm_failed', delete: false };
  }
}
