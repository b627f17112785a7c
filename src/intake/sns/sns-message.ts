/** The SNS message types delivered over HTTPS (and inside SQS bodies). */
export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

/** An SNS envelope whose signature, certificate URL and topic have been verified. */
export interface VerifiedSnsMessage {
  type: SnsMessageType;
  messageId: string;
  topicArn: string;
  /** Absent when the publisher gave no subject. */
  subject?: string;
  /** The decoded `Message`, exactly as signed. */
  message: string;
  timestamp: Date;
  /** SubscriptionConfirmation / UnsubscribeConfirmation only. */
  token?: string;
  subscribeUrl?: string;
}

/** A Notification as handed to the parsers. */
export interface SnsNotification {
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  timestamp: Date;
}
