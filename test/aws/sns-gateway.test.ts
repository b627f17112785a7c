import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { SnsGateway } from '../../src/aws/sns-gateway.ts';
import { rejectionOf, sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

const EAST = 'arn:aws:sns:us-east-1:123456789012:incidents';
const WEST = 'arn:aws:sns:eu-west-1:123456789012:incidents';

describe('SnsGateway', () => {
  let emulator: AwsEmulator;
  let gateway: SnsGateway;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    const { region: _region, ...clientConfig } = sdkConfig(emulator);
    gateway = new SnsGateway({ clientConfig });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('confirms a subscription in the topic’s own region', async () => {
    emulator.state.sns.addPendingSubscription(EAST, 'east-token');
    emulator.state.sns.addPendingSubscription(WEST, 'west-token');
    const east = await gateway.confirmSubscription(EAST, 'east-token');
    const west = await gateway.confirmSubscription(WEST, 'west-token');
    expect(east.subscriptionArn).toMatch(new RegExp(`^${EAST}:`));
    expect(west.subscriptionArn).toMatch(new RegExp(`^${WEST}:`));
    expect(emulator.requestsTo('sns', 'ConfirmSubscription').at(-1)?.input).toEqual({
      TopicArn: WEST,
      Token: 'west-token',
      AuthenticateOnUnsubscribe: 'true',
    });
  });

  it('maps a bad token to AWS.VALIDATION and an unknown topic to AWS.NOT_FOUND', async () => {
    emulator.state.sns.addPendingSubscription(EAST, 'good');
    await expect(gateway.confirmSubscription(EAST, 'bad')).rejects.toMatchObject({ code: 'AWS.VALIDATION' });
    await expect(
      gateway.confirmSubscription('arn:aws:sns:us-east-1:123456789012:nope', 'good'),
    ).rejects.toMatchObject({
      code: 'AWS.NOT_FOUND',
    });
  });

  it('rejects something that is not a topic ARN without calling AWS', async () => {
    const before = emulator.requests.length;
    const error = await rejectionOf(gateway.confirmSubscription('https://example.com/topic', 'token'));
    expect(error).toMatchObject({ code: 'AWS.VALIDATION', userMessage: 'That is not an SNS topic ARN.' });
    expect(emulator.requests.length).toBe(before);
  });

  it('maps AuthorizationError and throttling from AWS', async () => {
    emulator.state.sns.addPendingSubscription(EAST, 'token-2');
    emulator.failNext('sns', 'ConfirmSubscription', { code: 'AuthorizationError' });
    await expect(gateway.confirmSubscription(EAST, 'token-2')).rejects.toMatchObject({
      code: 'AWS.ACCESS_DENIED',
    });
    emulator.failNext('sns', 'ConfirmSubscription', { code: 'Throttling', status: 400 });
    await expect(gateway.confirmSubscription(EAST, 'token-2')).rejects.toMatchObject({
      code: 'AWS.THROTTLED',
    });
  });
});
