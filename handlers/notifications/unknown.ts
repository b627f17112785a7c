import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn, firstLine, truncate } from './alert-text.ts';
import type { NotificationParser } from './notification-parser.ts';

/**
 * The fallback: a message no parser recognised (or one that broke its source's schema) is still
 * posted, raw and clearly labelled, because AWS Chatbot's habit of silently dropping such
 * messages is what warroom exists to avoid. `reason` says why it fell through, when known.
 */
export function buildUnknownAlert(notification: SnsNotification, reason?: string): Alert {
  const subject = notification.subject?.trim();
  const headline = subject || truncate(firstLine(notification.message), 100);
  const detail = reason
    ? `${escapeMrkdwn(reason)}. Posted as received.`
    : 'warroom does not recognise this message; it is posted as received.';
  return clampAlert({
    source: 'unknown',
    signalType: 'unknown:raw',
    title: subject || 'Unrecognised SNS message',
    detail,
    occurredAt: notification.timestamp,
    correlation: { kind: 'raw', value: `${notification.topicArn}|${headline}` },
    facts: [
      { label: 'Topic', value: notification.topicArn },
      ...(subject ? [{ label: 'Subject', value: subject }] : []),
      { label: 'SNS message id', value: notification.messageId },
    ],
    raw: notification.message,
  });
}

/** Accepts every message; always last in the parser list. */
export const unknownParser: NotificationParser = {
  source: 'unknown',
  async parse(notification) {
    return buildUnknownAlert(notification);
  },
};
