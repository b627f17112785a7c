import type { InboxItem } from '../../store/store.ts';
import type { VerifiedSnsMessage } from './sns-message.ts';

/** What the inbox keeps of a verified notification, whichever door (POST /sns or SQS) it came in by. */
export function inboxItemOf(message: VerifiedSnsMessage, receivedAt: Date): Omit<InboxItem, 'attempts'> {
  return {
    messageId: message.messageId,
    topicArn: message.topicArn,
    subject: message.subject,
    message: message.message,
    timestamp: message.timestamp,
    receivedAt,
  };
}
