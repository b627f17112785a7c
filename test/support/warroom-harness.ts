import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseNotification } from '../../handlers/notifications/index.ts';
import { registerSlackHandlers } from '../../handlers/register-slack-handlers.ts';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import type { WorkspaceOptions } from '../../sandbox/slack/workspace.ts';
import { SANDBOX_SNS_CERT_DIR } from '../../sandbox/sns/sign-sns-message.ts';
import { type RunningWarroom, type StartOptions, startWarroom } from '../../src/app.ts';
import { createAwsPorts } from '../../src/aws/aws-ports.ts';
import type { Clock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logger.ts';
import { SlackPacer } from '../../src/slack/slack-pacer.ts';
import { createTableInput } from '../../src/store/dynamodb/table-definition.ts';
import { createSlackTime } from './slack-time.ts';

export const TEST_TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:warroom-alerts';
export const TEST_BOT_TOKEN = 'xoxb-test-warroom-token';
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';
export const ALERT_CHANNEL = 'C0ALERTS';

export interface Harness {
  aws: AwsEmulator;
  slack: SlackEmulator;
  warroom: RunningWarroom;
  dir: string;
  env: Record<string, string>;
  postSns(body: string, headers?: Record<string, string>): Promise<Response>;
  /** Stops warroom only (emulators stay), e.g. to change its store as a crash would leave it. */
  stopWarroom(): Promise<void>;
  startWarroom(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  yaml?: string;
  /**
   * The local Slack keeps Slack's rate limits (default: none). With `clock`, they run on Slack
   * time, the test's clock plus warroom's waits, so pacing costs no real time.
   */
  slackRateLimits?: boolean;
  /** Environment to change, e.g. SNS_CERT_DIR, or SLACK_APP_TOKEN for Socket Mode. */
  env?: Record<string, string>;
  /** App-level tokens the local Slack accepts for apps.connections.open (Socket Mode). */
  appTokens?: string[];
  /** Scopes the bot token has in the local Slack (default: all warroom needs). */
  slackScopes?: string[];
  /** The local Slack's users, channels and user groups (default: alice, bob, carol; @sre = alice). */
  slackWorkspace?: WorkspaceOptions;
  start?: Partial<StartOptions>;
  /**
   * Where warroom keeps its store: SQLite in the test's directory (default), or a DynamoDB table
   * created in the local AWS. WARROOM_TEST_STORE=dynamodb runs any e2e file on DynamoDB.
   */
  store?: 'sqlite' | 'dynamodb';
}

/** Environment for a warroom process wired to the emulators (used in-process and for child processes). */
export function harnessEnv(aws: AwsEmulator, slack: SlackEmulator, dir: string): Record<string, string> {
  return {
    ...aws.endpointEnv(),
    AWS_ACCESS_KEY_ID: 'AKIDWARROOMTEST',
    AWS_SECRET_ACCESS_KEY: 'warroom-test-secret',
    AWS_REGION: 'us-east-1',
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    WARROOM_CONFIG: join(dir, 'warroom.yml'),
    WARROOM_STORE: `sqlite:${join(dir, 'warroom.db')}`,
    SNS_CERT_DIR: SANDBOX_SNS_CERT_DIR,
    PORT: '0',
    LOG_LEVEL: 'silent',
  };
}

/** The table an e2e run on DynamoDB keeps its store in. */
export const HARNESS_TABLE = 'warroom-e2e';

/** Creates warroom's table in the local AWS, as `npm run store:init` would. */
export async function createWarroomTable(aws: AwsEmulator, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: aws.url,
    credentials: { accessKeyId: 'AKIDWARROOMTEST', secretAccessKey: 'warroom-test-secret' },
  });
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } finally {
    client.destroy();
  }
}

export function defaultYaml(): string {
  return `slack:\n  alertChannel: ${ALERT_CHANNEL}\nsns:\n  topicArns: [${TEST_TOPIC_ARN}]\n`;
}

/**
 * The real warroom (real Bolt app, real SDK clients, SQLite) against the local AWS and Slack
 * emulators over loopback. The SDK finds the emulator through AWS_ENDPOINT_URL_<SERVICE>, as it
 * would any endpoint; each test file runs in its own process, so setting process.env is contained.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const aws = await startAwsEmulator({ clock: options.clock });
  const rateLimits = options.slackRateLimits ?? false;
  // With a hand-moved clock, Slack's limits run on Slack time (the test's plus warroom's waits).
  const slackTime = rateLimits && options.clock ? createSlackTime(options.clock) : undefined;
  const slackPacer = !rateLimits
    ? // Warroom paces itself by the limits of the Slack it talks to: none when this one has none.
      new SlackPacer({ limitsFor: () => [] })
    : slackTime && new SlackPacer(slackTime);
  const slack = await startSlackEmulator({
    botToken: TEST_BOT_TOKEN,
    rateLimits,
    ...(slackTime ? { clock: slackTime.clock } : {}),
    ...(options.appTokens ? { appTokens: options.appTokens } : {}),
    ...(options.slackScopes ? { scopes: options.slackScopes } : {}),
    ...(options.slackWorkspace ? { workspace: options.slackWorkspace } : {}),
  });
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
  writeFileSync(join(dir, 'warroom.yml'), options.yaml ?? defaultYaml());
  const onDynamoDb = (options.store ?? process.env.WARROOM_TEST_STORE) === 'dynamodb';
  if (onDynamoDb) await createWarroomTable(aws, HARNESS_TABLE);
  const env = {
    ...harnessEnv(aws, slack, dir),
    ...(onDynamoDb ? { WARROOM_STORE: `dynamodb:${HARNESS_TABLE}` } : {}),
    ...options.env,
  };
  Object.assign(process.env, env);

  const start = async () => {
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    return startWarroom(
      loaded.config,
      { parseNotification, registerSlackHandlers },
      {
        logger: createLogger({ level: 'silent' }),
        aws: createAwsPorts(loaded.config.aws.region, {
          accounts: loaded.config.accounts,
          ...(options.clock ? { clock: options.clock } : {}),
        }),
        fetchPem: async (url) => {
          throw new Error(`tests never fetch certificates (${url})`);
        },
        retryIntervalMs: 200,
        ...(slackPacer ? { slackPacer } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        ...options.start,
      },
    );
  };

  const harness: Harness = {
    aws,
    slack,
    dir,
    env,
    warroom: await start(),
    postSns: (body, headers = {}) =>
      fetch(`${harness.warroom.url}/sns`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain; charset=UTF-8',
          'x-amz-sns-message-type': 'Notification',
          'user-agent': 'Amazon Simple Notification Service Agent',
          ...headers,
        },
        body,
      }),
    stopWarroom: () => harness.warroom.stop(),
    async startWarroom() {
      harness.warroom = await start();
    },
    async restart() {
      await harness.stopWarroom();
      await harness.startWarroom();
    },
    async stop() {
      await harness.warroom.stop();
      await slack.close();
      await aws.close();
    },
  };
  return harness;
}
