import { ConfirmSubscriptionCommand, SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import { BotError } from '../errors.ts';
import { toAwsBotError } from './aws-error.ts';

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]{1,256}$/;

export interface SubscriptionConfirmer {
  confirmSubscription(topicArn: string, token: string): Promise<{ subscriptionArn: string }>;
}

export interface SnsGatewayOptions {
  /** Shared by every per-region client: tests pass an endpoint, credentials, `maxAttempts`. */
  clientConfig?: Omit<SNSClientConfig, 'region'>;
}

/**
 * SNS calls go to the topic's own region (SNS rejects a topic ARN from another region), so the
 * gateway keeps one client per region, built on first use and reused after.
 */
export class SnsGateway implements SubscriptionConfirmer {
  private readonly clients = new Map<string, SNSClient>();

  constructor(private readonly options: SnsGatewayOptions = {}) {}

  /**
   * Confirms an HTTPS subscription with the token SNS sent. AuthenticateOnUnsubscribe is set, so
   * only signed (IAM-authorised) calls can unsubscribe warroom later.
   */
  async confirmSubscription(topicArn: string, token: string): Promise<{ subscriptionArn: string }> {
    const region = TOPIC_ARN.exec(topicArn)?.[1];
    if (!region) {
      throw new BotError('AWS.VALIDATION', 'That is not an SNS topic ARN.', {
        detail: `bad topic ARN: ${topicArn}`,
      });
    }
    let subscriptionArn: string | undefined;
    try {
      const command = new ConfirmSubscriptionCommand({
        TopicArn: topicArn,
        Token: token,
        AuthenticateOnUnsubscribe: 'true',
      });
      subscriptionArn = (await this.clientFor(region).send(command)).SubscriptionArn;
    } catch (error) {
      throw toAwsBotError(error, 'SNS', 'ConfirmSubscription');
    }
    if (!subscriptionArn) {
      throw new BotError('AWS.FAILED', 'SNS confirmed the subscription without naming it.', {
        detail: `ConfirmSubscription returned no SubscriptionArn for ${topicArn}`,
      });
    }
    return { subscriptionArn };
  }

  private clientFor(region: string): SNSClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new SNSClient({ ...this.options.clientConfig, region });
      this.clients.set(region, client);
    }
    return client;
  }
}
