import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesIncident } from '../../bench/shown-messages.ts';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { buildSignedNotification } from '../../sandbox/sns/sign-sns-message.ts';
import { CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';
import { DynamoTable } from '../../src/store/dynamodb/dynamo-table.ts';
import { DynamoDbStore } from '../../src/store/dynamodb/dynamodb-store.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import {
  ALERT_CHANNEL,
  createWarroomTable,
  harnessEnv,
  TEST_BOT_TOKEN,
  TEST_TOPIC_ARN,
} from '../support/warroom-harness.ts';
import { spawnWarroom, type WarroomProcess } from '../support/warroom-process.ts';
import { clickCard, openRunbookModal, submitView } from './replica-clicks.ts';

/**
 * Three warroom processes on one DynamoDB table (the local AWS), behind the local Slack: a storm
 * spread over all three through SNS HTTPS and SQS, one replica killed with SIGKILL in the middle
 * and started again later, a runbook confirmed on two replicas at once, escalation stages falling
 * due, 100 concurrent clicks on one card over all three. Every effect must happen once.
 */
const TABLE = 'warroom-replicas';
const NOTIFICATIONS = Number(process.env.REPLICA_NOTIFICATIONS ?? 2_000);
const DATABASES = 50;
const STAGE_TWO_SECONDS = 20;

let aws: AwsEmulator;
let slack: SlackEmulator;
let sqs: SQSClient;
let store: DynamoDbStore;
const replicas: Array<WarroomProcess | undefined> = [];

beforeAll(async () => {
  aws = await startAwsEmulator();
  aws.state.rds.addInstance({ id: 'orders-db' });
  slack = await startSlackEmulator({ botToken: TEST_BOT_TOKEN, rateLimits: false });
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
  sqs = new SQSClient({ region: 'us-east-1', endpoint: aws.url, credentials });
  await createWarroomTable(aws, TABLE);
  store = new DynamoDbStore(
    new DynamoTable(new DynamoDBClient({ region: 'us-east-1', endpoint: aws.url, credentials }), TABLE),
  );
});

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica?.kill('SIGKILL')));
  store?.close();
  sqs?.destroy();
  await slack?.close();
  await aws?.close();
});

async function waitFor(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 120_000,
  state: () => Promise<string> | string = () => '',
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const logs = alive().map((replica) =>
        replica
          .output()
          .split('\n')
          .filter((line) => /"level":(40|50)/.test(line))
          .slice(-5)
          .join('\n'),
      );
      throw new Error(`timed out waiting for ${what} (${await state()})\n${logs.join('\n---\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stormBodies(): string[] {
  const base = new Date();
  return Array.from({ length: NOTIFICATIONS }, (_, i) => {
    const db = `replica-db-${String(i % DATABASES).padStart(2, '0')}`;
    // One kind of signal (the CPU alarm, again and again): replicas apply notifications in no set
    // order across the inbox's parts, and one kind makes one storm whichever database opens first.
    const [alarm] = rdsCpuThenFailover({
      accountId: '123456789012',
      region: 'us-east-1',
      topicArn: TEST_TOPIC_ARN,
      at: new Date(base.getTime() + i),
    });
    const message = (alarm?.message ?? '').replaceAll('orders-db', db);
    return buildSignedNotification({ topicArn: TEST_TOPIC_ARN, message, subject: alarm?.subject });
  });
}

/** Card posts (top-level messages carrying the card's metadata) by incident number. */
function cardPostsByIncident(): Map<number, number> {
  const posts = new Map<number, number>();
  for (const call of slack.callsTo('chat.postMessage')) {
    if (!call.ok) continue;
    const metadata = call.args.metadata as { event_type?: string; event_payload?: { incident_seq?: number } };
    if (metadata?.event_type !== CARD_METADATA_EVENT_TYPE) continue;
    const seq = Number(metadata.event_payload?.incident_seq);
    posts.set(seq, (posts.get(seq) ?? 0) + 1);
  }
  return posts;
}

const alive = () => replicas.filter((replica): replica is WarroomProcess => replica !== undefined);

describe('three replicas on one DynamoDB table', () => {
  it('do every effect once through a storm, a SIGKILL, a double confirm and 100 concurrent clicks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-replicas-'));
    writeFileSync(
      join(dir, 'warroom.yml'),
      [
        'slack:',
        `  alertChannel: ${ALERT_CHANNEL}`,
        'sns:',
        `  topicArns: [${TEST_TOPIC_ARN}]`,
        'escalation:',
        '  default:',
        '    - after: 0s',
        '      notify: [U0ALICE]',
        `    - after: ${STAGE_TWO_SECONDS}s`,
        '      notify: [U0BOB]',
        // A killed replica's work is taken over 5 s after its last renewal.
        'leaseSeconds: 5',
        '',
      ].join('\n'),
    );
    const queue = aws.state.sqs.createQueue('warroom-replicas', { VisibilityTimeout: 5 });
    const env = {
      ...harnessEnv(aws, slack, dir),
      WARROOM_STORE: `dynamodb:${TABLE}`,
      SQS_QUEUE_URL: aws.state.sqs.queueUrl(aws.url, queue.name),
    };
    for (let i = 0; i < 3; i++) replicas[i] = await spawnWarroom(env, 60_000);

    // A runbook confirmed on two replicas at once starts one execution.
    const [ordersAlarm] = signedOrdersDbScenario();
    const posted = await fetch(`${alive()[0]?.url}/sns`, { method: 'POST', body: ordersAlarm?.body });
    expect(posted.status).toBe(200);
    await waitFor(() => cardPostsByIncident().get(1) === 1, 'the orders-db card');
    const modal = await openRunbookModal(slack, alive()[1]!.url, 1, 'U0ALICE');
    const confirms = await Promise.all([0, 2].map((i) => submitView(replicas[i]!.url, modal, 'U0ALICE')));
    expect(confirms.map((answer) => answer.status)).toEqual([200, 200]);
    await waitFor(
      async () => (await store.runbooks.listExecutions(1)).length > 0,
      'the execution to be recorded',
    );

    // The storm: half over HTTPS round-robin, half over SQS; replica 3 is killed a third of the way.
    const bodies = stormBodies();
    let next = 0;
    let killed = false;
    const sendHttps = async () => {
      while (next < bodies.length) {
        const index = next++;
        const body = bodies[index] as string;
        if (index % 2 === 1) {
          continue;
        }
        if (!killed && index > NOTIFICATIONS / 3) {
          killed = true;
          await replicas[2]?.kill('SIGKILL');
          replicas[2] = undefined;
        }
        const targets = alive();
        const target = targets[index % targets.length] as WarroomProcess;
        const answer = await fetch(`${target.url}/sns`, { method: 'POST', body }).catch(() => undefined);
        // A replica killed while answering: the sender (SNS) tries another, as it retries delivery.
        if (answer?.status !== 200) {
          const retry = await fetch(`${alive()[0]?.url}/sns`, { method: 'POST', body });
          expect(retry.status).toBe(200);
        }
      }
    };
    const sqsBodies = bodies.filter((_, index) => index % 2 === 1);
    const sendSqs = async () => {
      for (let start = 0; start < sqsBodies.length; start += 10) {
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: env.SQS_QUEUE_URL,
            Entries: sqsBodies
              .slice(start, start + 10)
              .map((body, i) => ({ Id: `m${i}`, MessageBody: body })),
          }),
        );
      }
    };
    await Promise.all([...Array.from({ length: 8 }, sendHttps), sendSqs()]);

    await waitFor(
      async () => queue.messages.length === 0 && (await store.countNotifications('pending')) === 0,
      'the inbox and the queue to drain',
      // Generous: CI runs other test files beside this one on its two cores.
      420_000,
      async () =>
        `queue ${queue.messages.length}, pending ${await store.countNotifications('pending')}, processed ${await store.countNotifications('processed')}, DynamoDB requests ${aws.requestsTo('dynamodb').length}, transactions cancelled ${aws.requestsTo('dynamodb', 'TransactWriteItems').filter((call) => call.error).length} of ${aws.requestsTo('dynamodb', 'TransactWriteItems').length}`,
    );
    replicas[2] = await spawnWarroom(env, 60_000);
    expect(await store.countNotifications('processed')).toBe(NOTIFICATIONS + 1);
    expect(await store.countNotifications('failed')).toBe(0);

    // One card per incident that shows on its own, one storm card, and nothing posted twice.
    await waitFor(async () => (await store.listIncidentsNeedingCardSync()).length === 0, 'every card');
    const open = await store.listOpenIncidents();
    const storms = open.filter((incident) => incident.storm);
    expect(storms).toHaveLength(1);
    const storm = storms[0]!;
    const posts = cardPostsByIncident();
    expect([...posts.values()].every((count) => count === 1)).toBe(true);
    expect(posts.get(storm.seq)).toBe(1);
    const databases = new Set(open.map((incident) => incident.resource?.id).filter(Boolean));
    expect(databases.size).toBe(DATABASES + 1);

    // Escalation: stage 1 pages Alice once for the storm; stage 2 falls due and pages Bob once.
    // A page DM is a message in the person's DM channel (D + their id without the U) naming the storm.
    const dmsAbout = (user: string) =>
      slack.messages(`D${user.slice(1)}`).filter((message) => namesIncident(message.text, storm.seq));
    await waitFor(
      () => dmsAbout('U0BOB').length >= 1,
      'stage 2 to page Bob',
      (STAGE_TWO_SECONDS + 30) * 1000,
      async () =>
        `storm INC-${storm.seq} ${storm.status}, Alice ${dmsAbout('U0ALICE').length}, stages ${JSON.stringify(await store.escalations.list(storm.seq))}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(dmsAbout('U0ALICE')).toHaveLength(1);
    expect(dmsAbout('U0BOB')).toHaveLength(1);

    // 100 concurrent Acknowledge clicks on the storm card, spread over the three: one change.
    const clicks = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        clickCard(
          slack,
          replicas[i % 3]!.url,
          storm.seq,
          `U0${['ALICE', 'BOB', 'CAROL'][i % 3]}`,
          'acknowledge',
        ),
      ),
    );
    expect(clicks.every((answer) => answer.status === 200)).toBe(true);
    await waitFor(async () => (await store.getIncident(storm.seq))?.status === 'acknowledged', 'the ack');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const acks = (await store.listTimeline(storm.seq)).filter(
      (entry) => entry.kind === 'status' && entry.to === 'acknowledged',
    );
    expect(acks).toHaveLength(1);

    // The runbook: one execution, one StartAutomationExecution, whichever replica followed it.
    expect(await store.runbooks.listExecutions(1)).toHaveLength(1);
    expect(aws.requestsTo('ssm', 'StartAutomationExecution').filter((call) => !call.error)).toHaveLength(1);
    // Nothing left behind: every incident's cards are current.
    await waitFor(
      async () => (await store.listIncidentsNeedingCardSync()).length === 0,
      'cards after the ack',
    );
  }, 900_000);
});
