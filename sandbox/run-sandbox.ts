import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningWarroom, startWarroom, type WarroomAdapters } from '../src/app.ts';
import { createAwsPorts } from '../src/aws/aws-ports.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config/load-config.ts';
import {
  DEFAULT_SCENARIO_ID,
  findScenario,
  loadScenarios,
  localAwsEnvironment,
  useLocalAwsOnly,
} from '../src/drill/index.ts';
import { createLogger } from '../src/logger.ts';
import { type AwsEmulator, startAwsEmulator } from './aws/aws-emulator.ts';
import { printSlackCalls } from './print-slack-calls.ts';
import {
  SANDBOX_ACCOUNT_ID,
  SANDBOX_ALERT_CHANNEL,
  SANDBOX_REGION,
  SANDBOX_TOPIC_ARN,
  sandboxConfigYaml,
  sandboxTeamYaml,
  seedSandboxAccount,
} from './sandbox-account.ts';
import { sandboxWorkspace } from './sandbox-workspace.ts';
import { runScenarioSteps, type ScenarioRunOptions } from './scenarios/run-scenario.ts';
import { type SlackEmulator, startSlackEmulator } from './slack/slack-emulator.ts';
import { buildSignedNotification, SANDBOX_SNS_CERT_DIR } from './sns/sign-sns-message.ts';

/** The local Slack's bot token and signing secret (tests sign slash commands with it). */
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-warroom';
export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret';

export interface Sandbox {
  warroom: RunningWarroom;
  aws: AwsEmulator;
  slack: SlackEmulator;
  /** Signs a message as SNS would and POSTs it to warroom's /sns. */
  publish(message: string, subject?: string): Promise<number>;
  /** The scenarios this sandbox can fire (the files in sandbox/scenarios and any extra ones). */
  scenarios(): ScenarioSummary[];
  /**
   * Seeds the AWS emulator for one scenario (default: the first) and publishes its steps, paced
   * as `options.pace` says (default fast); resolves once warroom has handled every step.
   */
  runScenario(id?: string, options?: ScenarioRunOptions): Promise<void>;
  stop(): Promise<void>;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
}

export interface SandboxOptions {
  adapters: WarroomAdapters;
  port?: number;
  write?: (text: string) => void;
  /** Scenario files besides the built-in ones (`npm run drill -- --file my-drill.yml`). */
  scenarioFiles?: string[];
  /** Marks every message warroom sends DRILL (see startWarroom's `drill`). */
  drill?: boolean;
  /** The local Slack's rate limits; default on, as Slack has them. */
  slackRateLimits?: boolean;
  /**
   * Configure warroom as a settled team would (sandboxTeamYaml): on-call paging, a channel per
   * incident, Incident Manager write-through. The browser sandbox turns it on; tests that count
   * messages leave it off.
   */
  team?: boolean;
}

/**
 * Everything local: the AWS emulator, the Slack emulator, warroom itself with SQLite in a fresh
 * folder, and signed SNS messages made on the spot. No account, no network, no configuration.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  // Read first: a bad scenario file stops the sandbox before anything starts.
  const loaded = loadScenarios(options.scenarioFiles);
  const aws = await startAwsEmulator({ accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION });
  // The SDK clients find the emulator the way they find any endpoint (AWS_ENDPOINT_URL_<SERVICE>,
  // AWS_ENDPOINT_URL for the rest); an endpoint left in the shell that points elsewhere stops it.
  const awsEnv = localAwsEnvironment(aws, SANDBOX_REGION);
  try {
    useLocalAwsOnly(process.env, awsEnv, aws.url);
  } catch (error) {
    await aws.close();
    throw error;
  }
  seedSandboxAccount(aws);
  const slack = await startSlackEmulator({
    botToken: SANDBOX_BOT_TOKEN,
    workspace: sandboxWorkspace(),
    ...(options.slackRateLimits === false ? { rateLimits: false } : {}),
  });
  const dir = mkdtempSync(join(tmpdir(), 'warroom-sandbox-'));
  const yaml = options.team ? sandboxTeamYaml : sandboxConfigYaml;
  writeFileSync(join(dir, 'warroom.yml'), yaml(SANDBOX_ALERT_CHANNEL));
  const env: Record<string, string> = {
    ...awsEnv,
    SLACK_BOT_TOKEN: SANDBOX_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SANDBOX_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    WARROOM_CONFIG: join(dir, 'warroom.yml'),
    WARROOM_STORE: `sqlite:${join(dir, 'warroom.db')}`,
    SNS_CERT_DIR: SANDBOX_SNS_CERT_DIR,
    PORT: String(options.port ?? 0),
    LOG_LEVEL: 'warn',
  };
  Object.assign(process.env, env);
  const config = loadConfig(env);
  if (!config.ok) throw new Error(`sandbox config is invalid:\n${config.problems.join('\n')}`);
  const stopPrinting = printSlackCalls(slack, write);
  const warroom = await startWarroom(config.config, options.adapters, {
    ...(options.drill ? { drill: true } : {}),
    aws: createAwsPorts(SANDBOX_REGION, { accounts: config.config.accounts }),
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
    scenarios: () =>
      loaded.map(({ scenario }) => ({
        id: scenario.id,
        title: scenario.title,
        description: scenario.description,
      })),
    async runScenario(id = DEFAULT_SCENARIO_ID, runOptions = {}) {
      const { scenario } = findScenario(loaded, id);
      await runScenarioSteps(
        scenario,
        {
          aws: aws.state,
          context: { accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION, topicArn: SANDBOX_TOPIC_ARN },
          publish,
          settled: () => warroom.settled(),
          write,
          clock: systemClock,
        },
        runOptions,
      );
    },
    async stop() {
      stopPrinting();
      await warroom.stop();
      await slack.close();
      await aws.close();
    },
  };
}
