import { randomUUID } from 'node:crypto';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { buildSignedNotification } from '../../sandbox/sns/sign-sns-message.ts';
import { TEST_TOPIC_ARN } from './warroom-harness.ts';

/** Signed SNS bodies for the orders-db scenario: [CPU alarm, failover event]. */
export function signedOrdersDbScenario(at = new Date()): Array<{ messageId: string; body: string }> {
  return rdsCpuThenFailover({
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TEST_TOPIC_ARN,
    at,
  }).map((step) => {
    const messageId = randomUUID();
    return {
      messageId,
      body: buildSignedNotification({
        topicArn: TEST_TOPIC_ARN,
        message: step.message,
        subject: step.subject,
        messageId,
      }),
    };
  });
}

export function signedMessage(
  message: string,
  options: { subject?: string; topicArn?: string; messageId?: string } = {},
) {
  const messageId = options.messageId ?? randomUUID();
  return {
    messageId,
    body: buildSignedNotification({
      topicArn: options.topicArn ?? TEST_TOPIC_ARN,
      message,
      subject: options.subject,
      messageId,
    }),
  };
}
