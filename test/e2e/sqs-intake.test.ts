import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqsQueue } from '../../sandbox/aws/services/sqs/sqs-state.ts';
import {
  buildSignedSubscriptionConfirmation,
  SANDBOX_SNS_CERT_DIR,
  SANDBOX_SNS_CERT_FILE_NAME,
} from '../../sandbox/sns/sign-sns-message.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

const QUEUE = 'warroom-intake';
let harness: Harness;
let sqs: SQSClient;
let queue: SqsQueue;
let queueUrl: string;
/** The first certificate fetches fail, as an SNS certificate host being unreachable would. */
let failingFetches = 0;

beforeAll(async () => {
  harness = await startHarness({
    // No pinned certificate: each comes from fetchPem, which a test can make fail.
    env: { SNS_CERT_DIR: mkdtempSync(join(tmpdir(), 'warroom-no-pinned-')) },
    start: {
      fetchPem: async (url) => {
        if (failingFetches > 0) {
          failingFetches -= 1;
          throw new Error(`certificate host unreachable (${url})`);
        }
        if (!url.endsWith(`/${SANDBOX_SNS_CERT_FILE_NAME}`)) throw new Error(`unexpected certificate ${url}`);
        return readFileSync(join(SANDBOX_SNS_CERT_DIR, SANDBOX_SNS_CERT_FILE_NAME), 'utf8');
      },
    },
  });
  // The queue lives in the harness's emulator, so warroom is restarted once it exists.
  queue = harness.aws.state.sqs.createQueue(QUEUE, { VisibilityTimeout: 1 });
  queueUrl = harness.aws.state.sqs.queueUrl(harness.aws.url, QUEUE);
  harness.env.SQS_QUEUE_URL = queueUrl;
  await harness.restart();
  sqs = new SQSClient({ region: 'us-east-1' });
});

afterAll(async () => {
  sqs.destroy();
  await harness.stop();
});

const posts = () => harness.slack.callsTo('chat.postMessage').filter((call) => call.ok);
const send = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function metric(line: RegExp): Promise<number> {
  const text = await (await fetch(`${harness.warroom.url}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? 0);
}

describe('SQS intake end to end (SNS → SQS, raw delivery off)', () => {
  it('reports the queue in /readyz', async () => {
    await harness.warroom.settled();
    const response = await fetch(`${harness.warroom.url}/readyz`);
    expect(await response.json()).toMatchObject({ checks: { sqs: true } });
    expect(response.status).toBe(200);
  });

  it('posts one card for a signed CloudWatch alarm taken from the queue, then deletes the message', async () => {
    const [alarm] = signedOrdersDbScenario();
    const sent = await send(alarm!.body);
    await waitFor(() => queue.deletedMessageIds.includes(sent.MessageId ?? ''), 'the delete');
    await harness.warroom.settled();
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(harness.slack.messages(ALERT_CHANNEL)[0]?.blocks)).toContain('orders-db');
    expect(queue.messages).toHaveLength(0);
    // Stored before deleted: the delete came after the notification was in the inbox.
    expect(await harness.warroom.store.countNotifications('processed')).toBe(1);
  });

  it('processes a redelivered copy (same SNS MessageId) once, deleting both', async () => {
    const job = signedMessage(JSON.stringify({ job: 'nightly export', state: 'failed' }));
    await send(job.body);
    await send(job.body);
    await waitFor(() => queue.messages.length === 0, 'both copies deleted');
    await harness.warroom.settled();
    expect(posts()).toHaveLength(2);
    expect(await metric(/warroom_sqs_messages_total\{outcome="duplicate"\} (\d+)/)).toBe(1);
  });

  it('deletes a forged envelope without a card, counting its reason', async () => {
    const genuine = signedMessage(JSON.stringify({ note: 'original' }));
    const forged = genuine.body.replace('original', 'tampered');
    const sent = await send(forged);
    await waitFor(() => queue.deletedMessageIds.includes(sent.MessageId ?? ''), 'the forged message deleted');
    await harness.warroom.settled();
    expect(posts()).toHaveLength(2);
    expect(await metric(/warroom_sqs_messages_rejected_total\{reason="bad_signature"\} (\d+)/)).toBe(1);
  });

  it('deletes a raw-delivery body (no envelope) as never valid', async () => {
    const sent = await send(JSON.stringify({ AlarmName: 'cpu', NewStateValue: 'ALARM' }));
    await waitFor(() => queue.deletedMessageIds.includes(sent.MessageId ?? ''), 'the raw message deleted');
    expect(await metric(/warroom_sqs_messages_rejected_total\{reason="raw_delivery"\} (\d+)/)).toBe(1);
  });

  it('confirms the subscription SNS sends into the queue, then deletes it', async () => {
    harness.aws.state.sns.addPendingSubscription(TEST_TOPIC_ARN, 'sqs-token-1');
    const sent = await send(
      buildSignedSubscriptionConfirmation({ topicArn: TEST_TOPIC_ARN, token: 'sqs-token-1' }),
    );
    await waitFor(() => queue.deletedMessageIds.includes(sent.MessageId ?? ''), 'the confirmation deleted');
    const subscription = harness.aws.state.sns.topics.get(TEST_TOPIC_ARN)?.subscriptions[0];
    expect(subscription?.confirmed).toBe(true);
  });

  it('leaves a message whose certificate could not be fetched, and processes it when it comes back', async () => {
    const unknown = signedMessage(JSON.stringify({ job: 'nightly backup', state: 'failed' }), {
      topicArn: `${TEST_TOPIC_ARN}`,
    });
    // The certificate is cached after the first success: a new warroom has to fetch it again.
    await harness.restart();
    failingFetches = 1;
    const sent = await send(unknown.body);
    await waitFor(() => failingFetches === 0, 'the failed certificate fetch');
    expect(queue.messages.map((message) => message.messageId)).toContain(sent.MessageId);
    await waitFor(
      () => queue.deletedMessageIds.includes(sent.MessageId ?? ''),
      'the delete after redelivery',
    );
    await harness.warroom.settled();
    expect(posts()).toHaveLength(3);
    expect(await metric(/warroom_sqs_errors_total\{operation="message:cert_unavailable"\} (\d+)/)).toBe(1);
  });

  it('stops promptly although a 20 s long poll is waiting', async () => {
    const started = Date.now();
    await harness.stopWarroom();
    expect(Date.now() - started).toBeLessThan(3_000);
    await harness.startWarroom();
  });

  it('refuses to start on a queue that does not exist, naming the URL and the fix', async () => {
    await harness.stopWarroom();
    const missing = harness.aws.state.sqs.queueUrl(harness.aws.url, 'no-such-queue');
    harness.env.SQS_QUEUE_URL = missing;
    await expect(harness.startWarroom()).rejects.toThrow(`SQS queue ${missing} does not exist`);
    await expect(harness.startWarroom()).rejects.toThrow('check SQS_QUEUE_URL');
    harness.env.SQS_QUEUE_URL = queueUrl;
    await harness.startWarroom();
  });
});
