import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, harnessEnv, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';
import { spawnWarroom } from '../support/warroom-process.ts';

let aws: AwsEmulator;
let slack: SlackEmulator;
let sqs: SQSClient;

beforeAll(async () => {
  aws = await startAwsEmulator();
  slack = await startSlackEmulator({ botToken: TEST_BOT_TOKEN, rateLimits: false });
  sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
  });
});

afterAll(async () => {
  sqs.destroy();
  await slack.close();
  await aws.close();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function inboxAndIncidents(dbPath: string) {
  const store = new SqliteStore(dbPath);
  try {
    const notifications =
      (await store.countNotifications('pending')) + (await store.countNotifications('processed'));
    return { notifications, incidents: (await store.listOpenIncidents()).length };
  } finally {
    store.close();
  }
}

describe('SQS intake across a SIGKILL between storing and deleting', () => {
  it('processes the redelivered message once: one card, one incident, the queue drained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-sqs-crash-'));
    writeFileSync(join(dir, 'warroom.yml'), defaultYaml());
    const queue = aws.state.sqs.createQueue('warroom-crash', { VisibilityTimeout: 2 });
    const env = {
      ...harnessEnv(aws, slack, dir),
      SQS_QUEUE_URL: aws.state.sqs.queueUrl(aws.url, queue.name),
    };
    // DeleteMessage is held, then fails: the process dies while it waits, and the delete never happens.
    aws.delay('sqs', 'DeleteMessage', 1_500);
    aws.failNext('sqs', 'DeleteMessage', { code: 'InternalError', status: 500 });

    const first = await spawnWarroom(env);
    const [alarm] = signedOrdersDbScenario();
    await sqs.send(new SendMessageCommand({ QueueUrl: env.SQS_QUEUE_URL, MessageBody: alarm!.body }));
    await waitFor(() => aws.requestsTo('sqs', 'DeleteMessage').length === 1, 'the DeleteMessage call');
    await first.kill('SIGKILL');
    const held = aws.requestsTo('sqs', 'DeleteMessage')[0];
    await waitFor(() => held?.error !== undefined, 'the held DeleteMessage to fail');
    aws.delay('sqs', 'DeleteMessage', 0);

    // The crash left the notification stored and the message still in the queue.
    expect(await inboxAndIncidents(join(dir, 'warroom.db'))).toMatchObject({ notifications: 1 });
    expect(queue.messages).toHaveLength(1);

    const second = await spawnWarroom(env);
    await waitFor(() => queue.messages.length === 0, 'the redelivered message deleted');
    expect(queue.deletedMessageIds).toHaveLength(1);
    expect(aws.requestsTo('sqs', 'ReceiveMessage').some((entry) => entry.error === undefined)).toBe(true);
    await waitFor(() => slack.callsTo('chat.postMessage').some((call) => call.ok), 'the card');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    await second.kill('SIGTERM');

    expect(slack.callsTo('chat.postMessage').filter((call) => call.ok)).toHaveLength(1);
    expect(slack.messages(ALERT_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);
    expect(await inboxAndIncidents(join(dir, 'warroom.db'))).toEqual({ notifications: 1, incidents: 1 });
    // The second delivery was the same SNS MessageId again, deduplicated by the inbox.
    expect(metrics).toMatch(/warroom_sqs_messages_total\{outcome="duplicate"\} 1\b/);
  });
});
