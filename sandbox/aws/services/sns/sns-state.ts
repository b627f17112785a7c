/** A subscription SNS has sent a confirmation token for. */
export interface SnsSubscription {
  token: string;
  confirmed: boolean;
  /** Set on confirmation: `<topicArn>:<uuid>`. */
  subscriptionArn?: string;
  authenticateOnUnsubscribe: boolean;
}

export interface SnsTopic {
  arn: string;
  subscriptions: SnsSubscription[];
}

/** SNS topics and their subscriptions, seeded by tests. */
export class SnsState {
  readonly topics = new Map<string, SnsTopic>();

  addTopic(topicArn: string): SnsTopic {
    const existing = this.topics.get(topicArn);
    if (existing) return existing;
    const topic: SnsTopic = { arn: topicArn, subscriptions: [] };
    this.topics.set(topicArn, topic);
    return topic;
  }

  /** A subscription awaiting ConfirmSubscription with this token; creates the topic if needed. */
  addPendingSubscription(topicArn: string, token: string): void {
    this.addTopic(topicArn).subscriptions.push({ token, confirmed: false, authenticateOnUnsubscribe: false });
  }
}
