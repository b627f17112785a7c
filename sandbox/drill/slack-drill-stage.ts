import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWarroom, type WarroomAdapters } from '../../src/app.ts';
import { createAwsPorts } from '../../src/aws/aws-ports.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import {
  assertAwsStaysLocal,
  DrillSlackGateway,
  localAwsEnvironment,
  useLocalAwsOnly,
} from '../../src/drill/index.ts';
import { BotError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { Metrics } from '../../src/metrics.ts';
import { createSlackWebClient } from '../../src/slack/slack-api-caller.ts';
import { startAwsEmulator } from '../aws/aws-emulator.ts';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_REGION,
  SANDBOX_TOPIC_ARN,
  sandboxConfigYaml,
  seedSandboxAccount,
} from '../sandbox-account.ts';
import { buildSignedNotification, SANDBOX_SNS_CERT_DIR } from '../sns/sign-sns-message.ts';
import type { DrillPlace } from './drill-host.ts';
import type { DrillSession } from './drill-session.ts';

/** Where a drill runs: a warroom wired to the local AWS emulator, and a way to post to the channel. */
export interface DrillStage extends DrillPlace {
  /** The local workspace in a browser, when the drill runs in the sandbox: it shows the drill too. */
  workspace?: { url: string; showDrill(session: DrillSession): void };
  stop(): Promise<void>;
}

export interface SlackStageOptions {
  channel: string;
  /** Where the Slack tokens come from (the process environment); nothing AWS is taken from it. */
  env: Record<string, string | undefined>;
  adapters: WarroomAdapters;
  logger: Logger;
}

/** The Slack settings a drill takes from the environment; Socket Mode, so no public URL is needed. */
function slackSettings(env: Record<string, string | undefined>): Record<string, string> {
  const problems: string[] = [];
  if (!env['SLACK_BOT_TOKEN']) problems.push('SLACK_BOT_TOKEN: expected the bot token (xoxb-…)');
  if (!env['SLACK_APP_TOKEN']) {
    problems.push(
      'SLACK_APP_TOKEN: expected an app-level token (xapp-…); a drill talks to Slack over Socket Mode, so it needs no public URL',
    );
  }
  if (problems.length > 0) {
    throw new BotError(
      'DRILL.SLACK_SETUP',
      `A drill in Slack needs warroom's Slack app:\n- ${problems.join('\n- ')}`,
    );
  }
  const pick = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL'] as const;
  return Object.fromEntries(pick.flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
}

export function signedPublisher(warroomUrl: string) {
  return async (message: string, subject?: string): Promise<number> => {
    const body = buildSignedNotification({ topicArn: SANDBOX_TOPIC_ARN, message, subject });
    const response = await fetch(`${warroomUrl}/sns`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
    });
    return response.status;
  };
}

/**
 * warroom in-process against the real Slack workspace (tokens from the environment, Socket Mode)
 * with EVERY AWS endpoint on the local emulator, seeded with the sandbox account: the scenario's
 * signals are signed locally and nothing is read from or written to an AWS account. The rest of
 * the environment (WARROOM_CONFIG, WARROOM_STORE, SQS_QUEUE_URL…) is not used: the drill has its
 * own config (cards to `channel`) and a throwaway store.
 */
export async function startSlackDrillStage(options: SlackStageOptions): Promise<DrillStage> {
  const slackEnv = slackSettings(options.env);
  const aws = await startAwsEmulator({ accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION });
  try {
    const awsEnv = localAwsEnvironment(aws, SANDBOX_REGION);
    useLocalAwsOnly(process.env, awsEnv, aws.url);
    seedSandboxAccount(aws);
    const dir = mkdtempSync(join(tmpdir(), 'warroom-drill-'));
    writeFileSync(join(dir, 'warroom.yml'), sandboxConfigYaml(options.channel));
    const env = {
      ...awsEnv,
      ...slackEnv,
      WARROOM_CONFIG: join(dir, 'warroom.yml'),
      WARROOM_STORE: `sqlite:${join(dir, 'warroom.db')}`,
      SNS_CERT_DIR: SANDBOX_SNS_CERT_DIR,
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const loaded = loadConfig(env);
    if (!loaded.ok) {
      throw new BotError(
        'DRILL.CONFIG',
        `The drill cannot start warroom:\n- ${loaded.problems.join('\n- ')}`,
      );
    }
    // Once more on what the SDK will actually read, the moment before warroom builds its clients.
    assertAwsStaysLocal(process.env, aws.url);
    const warroom = await startWarroom(loaded.config, options.adapters, {
      aws: createAwsPorts(SANDBOX_REGION, { accounts: loaded.config.accounts }),
      logger: options.logger,
      fetchPem: async (url) => {
        throw new Error(`a drill never fetches certificates (${url})`);
      },
      drill: true,
    });
    const client = createSlackWebClient(loaded.config.slack.botToken, loaded.config.slack.apiUrl);
    return {
      aws,
      warroom,
      channel: options.channel,
      slack: new DrillSlackGateway({ client, metrics: new Metrics(), logger: options.logger }),
      publish: signedPublisher(warroom.url),
      async stop() {
        await warroom.stop();
        await aws.close();
      },
    };
  } catch (error) {
    await aws.close();
    throw error;
  }
}
