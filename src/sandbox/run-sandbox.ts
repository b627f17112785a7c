import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningWarroom, startWarroom, type WarroomAdapters } from '../app.ts';
import { createAwsPorts } from '../aws/aws-ports.ts';
import { loadConfig } from '../config/load-config.ts';
import { createLogger } from '../logger.ts';
import { type AwsEmulator, startAwsEmulator } from './aws/aws-emulator.ts';
import { printSlackCalls } from './print-slack-calls.ts';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_ALERT_CHANNEL,
  SANDBOX_REGION,
  SANDBOX_TOPIC_ARN,
  seedSandboxAccount,
} from './sandbox-account.ts';
import { rdsCpuThenFailover } from './scenarios/rds-cpu-then-failover.ts';
import { type SlackEmulator, startSlackEmulator } from './slack/slack-emulator.ts';
import { buildSignedNotification, SANDBOX_SNS_CERT_DIR } from './sns/sign-sns-message.ts';

const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-warroom';
/** The secret warroom verifies Slack requests with in the sandbox (SLACK_SIGNING_SECRET below). */
export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret';

export interface Sandbox {
  warroom: RunningWarroom;
  aws: AwsEmulator;
  slack: SlackEmulator;
  /** Signs a message as SNS would and POSTs it to warroom's /sns. */
  publish(message: string, subject?: string): Promise<number>;
  /** The scenarios this sandbox can fire, for menus and `--scenario`. */
  scenarios(): ScenarioSummary[];
  /** Fires one scenario (default: the first) and resolves once warroom has handled every step. */
  runScenario(id?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
}

const BUILT_IN_SCENARIOS: ScenarioSummary[] = [
  {
    id: 'rds-cpu-then-failover',
    title: 'RDS CPU alarm, then a Multi-AZ failover',
    description: 'CloudWatch CPUUtilization > 80 % on orders-db, then RDS reports the failover it did.',
  },
];

export interface SandboxOptions {
  adapters: WarroomAdapters;
  port?: number;
  write?: (text: string) => void;
}

/**
 * Everything local: the AWS emulator, the Slack emulator, warroom itself with SQLite in a fresh
 * folder, and signed SNS messages made on the spot. No account, no network, no configuration.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const aws = await startAwsEmulator({ accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION });
  seedSandboxAccount(aws);
  const slack = await startSlackEmulator({ botToken: SANDBOX_BOT_TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'warroom-sandbox-'));
  writeFileSync(
    join(dir, 'warroom.yml'),
    `slack:\n  alertChannel: ${SANDBOX_ALERT_CHANNEL}\nsns:\n  topicArns: [${SANDBOX_TOPIC_ARN}]\n` +
      `automation:\n  roleArn: arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/warroom-sandbox-automation\n`,
  );
  const env: Record<string, string> = {
    ...aws.endpointEnv(),
    AWS_ACCESS_KEY_ID: 'AKIDSANDBOX',
    AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
    AWS_REGION: SANDBOX_REGION,
    SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'sandbox-signing-secret',
    SLACK_API_URL: slack.apiUrl,
    WARROOM_CONFIG: join(dir, 'warroom.yml'),
    WARROOM_STORE: `sqlite:${join(dir, 'warroom.db')}`,
    SNS_CERT_DIR: SANDBOX_SNS_CERT_DIR,
    PORT: String(options.port ?? 0),
    LOG_LEVEL: 'warn',
  };
  // The SDK clients find the emulator the way they find any endpoint: AWS_ENDPOINT_URL_<SERVICE>.
  Object.assign(process.env, env);
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`sandbox config is invalid:\n${loaded.problems.join('\n')}`);
  const stopPrinting = printSlackCalls(slack, write);
  const warroom = await startWarroom(loaded.config, options.adapters, {
    aws: createAwsPorts(SANDBOX_REGION),
    logger: createLogger({ level: 'warn', destination: pino.destination(2) }),
    fetchPem: async (url) => {
      throw new Error(`the sandbox never fetches certificates (${url})`);
    },
  });

  const publish = async (message: string, subject?: string) => {
    const body = buildSignedNotification({ topicArn: SANDBOX_TOPIC_ARN, message, subject });
    const response = await fetch(`${warroom.url}/sns`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain' },
    });
    return response.status;
  };

  return {
    warroom,
    aws,
    slack,
    publish,
    scenarios: () => BUILT_IN_SCENARIOS.map((scenario) => ({ ...scenario })),
    async runScenario(id = BUILT_IN_SCENARIOS[0]?.id) {
      if (!BUILT_IN_SCENARIOS.some((scenario) => scenario.id === id)) {
        throw new Error(`no scenario "${id}"; known: ${BUILT_IN_SCENARIOS.map((s) => s.id).join(', ')}`);
      }
      const steps = rdsCpuThenFailover({
        accountId: SANDBOX_ACCOUNT_ID,
        region: SANDBOX_REGION,
        topicArn: SANDBOX_TOPIC_ARN,
        at: new Date(),
      });
      for (const step of steps) {
        write(`\n▶ AWS publishes to SNS: ${step.label}\n`);
        const status = await publish(step.message, step.subject);
        write(`  POST /sns → ${status}\n`);
        await warroom.settled();
      }
    },
    async stop() {
      stopPrinting();
      await warroom.stop();
      await slack.close();
      await aws.close();
    },
  };
}
