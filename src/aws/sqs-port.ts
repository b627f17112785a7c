/** One message taken from the intake queue. */
export interface SqsReceivedMessage {
  /** SQS's own id (not the SNS MessageId inside the body). */
  sqsMessageId: string;
  receiptHandle: string;
  body: string;
  /** ApproximateReceiveCount: 1 on the first delivery, more after visibility timeouts. */
  receiveCount: number;
}

/** What warroom learns about its queue at start-up (GetQueueAttributes). */
export interface SqsQueueFacts {
  queueArn?: string;
  visibilityTimeoutSeconds?: number;
  /** RedrivePolicy as SQS returns it (JSON with deadLetterTargetArn and maxReceiveCount); absent: no DLQ. */
  redrivePolicy?: string;
}

/**
 * The intake queue, as the SQS poller needs it. Errors are BotErrors coded `SQS.*`; the start-up
 * check's userMessage names the queue URL and the fix.
 */
export interface SqsQueuePort {
  readonly queueUrl: string;
  /** GetQueueAttributes: proves the queue exists in that region and warroom may read it. */
  describe(): Promise<SqsQueueFacts>;
  /** One long poll (up to 20 s, up to 10 messages); `signal` ends it early with an AbortError. */
  receive(signal: AbortSignal): Promise<SqsReceivedMessage[]>;
  /** Deletes a received message; a stale receipt handle is not an error (SQS ignores it). */
  delete(receiptHandle: string): Promise<void>;
}
