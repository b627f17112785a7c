import {
  ConfirmSubscriptionCommand,
  InvalidParameterException,
  NotFoundException,
  SNSClient,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:incidents';

describe('SNS ConfirmSubscription through the real SDK', () => {
  let emulator: AwsEmulator;
  let client: SNSClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new SNSClient(sdkConfig(emulator));
    emulator.state.sns.addPendingSubscription(TOPIC, 'token-123');
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('confirms a pending subscription and returns its ARN', async () => {
    const { SubscriptionArn } = await client.send(
      new ConfirmSubscriptionCommand({ TopicArn: TOPIC, Token: 'token-123' }),
    );
    expect(SubscriptionArn).toMatch(/^arn:aws:sns:us-east-1:123456789012:incidents:[0-9a-f-]{36}$/);
    expect(emulator.state.sns.topics.get(TOPIC)?.subscriptions[0]).toMatchObject({
      confirmed: true,
      subscriptionArn: SubscriptionArn,
    });
    const again = await client.send(new ConfirmSubscriptionCommand({ TopicArn: TOPIC, Token: 'token-123' }));
    expect(again.SubscriptionArn).toBe(SubscriptionArn);
  });

  it('rejects a wrong token with InvalidParameter (400)', async () => {
    const error = await rejectionOf(
      client.send(new ConfirmSubscriptionCommand({ TopicArn: TOPIC, Token: 'wrong' })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.Code).toBe('InvalidParameter');
    expect(error.message).toBe('Invalid token');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it('answers an unknown topic with NotFound (404)', async () => {
    const error = await rejectionOf(
      client.send(
        new ConfirmSubscriptionCommand({
          TopicArn: 'arn:aws:sns:us-east-1:123456789012:other',
          Token: 'token-123',
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
  });

  it('rejects a topic from another region than the client’s, as SNS does', async () => {
    const west = 'arn:aws:sns:us-west-2:123456789012:incidents';
    emulator.state.sns.addPendingSubscription(west, 'token-w');
    const error = await rejectionOf(
      client.send(new ConfirmSubscriptionCommand({ TopicArn: west, Token: 'token-w' })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    const westClient = new SNSClient(sdkConfig(emulator, 'us-west-2'));
    await expect(
      westClient.send(new ConfirmSubscriptionCommand({ TopicArn: west, Token: 'token-w' })),
    ).resolves.toHaveProperty('SubscriptionArn');
    westClient.destroy();
  });
});
