import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedSubscriptionConfirmation } from '../../sandbox/sns/sign-sns-message.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

function tamper(body: string, change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(body) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

const alarm = () =>
  signedMessage(JSON.stringify({ AlarmName: 'x', NewStateValue: 'ALARM' }), { subject: 'ALARM: "x"' });

const forgeries: Array<{
  name: string;
  body: () => string;
  headers?: Record<string, string>;
  status: number;
  reason: string;
}> = [
  {
    name: 'Message changed',
    body: () =>
      tamper(alarm().body, (e) => {
        e.Message = '{"AlarmName":"y"}';
      }),
    status: 403,
    reason: 'bad_signature',
  },
  {
    name: 'MessageId changed',
    body: () =>
      tamper(alarm().body, (e) => {
        e.MessageId = 'forged-id';
      }),
    status: 403,
    reason: 'bad_signature',
  },
  {
    name: 'Subject removed',
    body: () =>
      tamper(alarm().body, (e) => {
        delete e.Subject;
      }),
    status: 403,
    reason: 'bad_signature',
  },
  {
    name: 'Timestamp changed',
    body: () =>
      tamper(alarm().body, (e) => {
        e.Timestamp = '2020-01-01T00:00:00.000Z';
      }),
    status: 403,
    reason: 'bad_signature',
  },
  {
    name: 'Type changed',
    body: () =>
      tamper(alarm().body, (e) => {
        e.Type = 'SubscriptionConfirmation';
      }),
    status: 400,
    reason: 'invalid_envelope',
  },
  {
    name: 'signature version 3',
    body: () =>
      tamper(alarm().body, (e) => {
        e.SignatureVersion = '3';
      }),
    status: 400,
    reason: 'unsupported_signature_version',
  },
  {
    name: 'cert URL on http',
    body: () =>
      tamper(alarm().body, (e) => {
        e.SigningCertURL = String(e.SigningCertURL).replace('https:', 'http:');
      }),
    status: 403,
    reason: 'bad_cert_url',
  },
  {
    name: 'cert URL on an S3 lookalike host',
    body: () =>
      tamper(alarm().body, (e) => {
        e.SigningCertURL = String(e.SigningCertURL).replace('sns.us-east-1', 'sns.s3-us-east-1');
      }),
    status: 403,
    reason: 'bad_cert_url',
  },
  {
    name: 'cert URL with .pem in the query',
    body: () =>
      tamper(alarm().body, (e) => {
        e.SigningCertURL = 'https://sns.us-east-1.amazonaws.com/?Action=x&f=.pem';
      }),
    status: 403,
    reason: 'bad_cert_url',
  },
  {
    name: 'cert URL with user-info',
    body: () =>
      tamper(alarm().body, (e) => {
        e.SigningCertURL = String(e.SigningCertURL).replace('https://', 'https://evil@');
      }),
    status: 403,
    reason: 'bad_cert_url',
  },
  {
    name: 'topic not allowed',
    body: () => signedMessage('{}', { topicArn: 'arn:aws:sns:us-east-1:123456789012:other' }).body,
    status: 403,
    reason: 'topic_not_allowed',
  },
  { name: 'not JSON', body: () => 'Action=Publish&Message=hi', status: 400, reason: 'malformed_json' },
  {
    name: 'raw delivery',
    body: () => '{"AlarmName":"x"}',
    headers: { 'x-amz-sns-rawdelivery': 'true' },
    status: 400,
    reason: 'raw_delivery',
  },
  { name: 'over 256 KiB', body: () => 'x'.repeat(256 * 1024 + 1), status: 413, reason: 'too_large' },
];

describe('POST /sns refusals', () => {
  it.each(forgeries)(
    'refuses $name with $status ($reason) and posts no card',
    async ({ body, headers, status, reason }) => {
      const response = await harness.postSns(body(), headers);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: reason });
      await harness.warroom.settled();
      expect(harness.slack.callsTo('chat.postMessage')).toHaveLength(0);
      const metrics = await (await fetch(`${harness.warroom.url}/metrics`)).text();
      expect(metrics).toContain(`warroom_sns_notifications_rejected_total{reason="${reason}"}`);
    },
  );
});

describe('SNS subscription confirmation', () => {
  it('confirms an allowed topic with the ConfirmSubscription API', async () => {
    harness.aws.state.sns.addPendingSubscription(TEST_TOPIC_ARN, 'token-allowed-123');
    const body = buildSignedSubscriptionConfirmation({
      topicArn: TEST_TOPIC_ARN,
      token: 'token-allowed-123',
    });
    const response = await harness.postSns(body, { 'x-amz-sns-message-type': 'SubscriptionConfirmation' });
    expect(response.status).toBe(200);
    const calls = harness.aws.requestsTo('sns', 'ConfirmSubscription');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toMatchObject({ TopicArn: TEST_TOPIC_ARN, Token: 'token-allowed-123' });
    expect(await response.json()).toMatchObject({ subscriptionArn: expect.stringContaining(TEST_TOPIC_ARN) });
  });

  it('refuses a confirmation for any other topic and calls nothing', async () => {
    const other = 'arn:aws:sns:us-east-1:123456789012:someone-elses';
    const body = buildSignedSubscriptionConfirmation({ topicArn: other, token: 'token-other' });
    const before = harness.aws.requestsTo('sns').length;
    const response = await harness.postSns(body, { 'x-amz-sns-message-type': 'SubscriptionConfirmation' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'topic_not_allowed' });
    expect(harness.aws.requestsTo('sns').length).toBe(before);
  });
});
