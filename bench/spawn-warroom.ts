import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsEmulator } from '../sandbox/aws/aws-emulator.ts';
import type { SlackEmulator } from '../sandbox/slack/slack-emulator.ts';
import { SANDBOX_SNS_CERT_DIR } from '../sandbox/sns/sign-sns-message.ts';
import { spawnService } from './spawn-service.ts';
import { waitFor } from './wait-for.ts';

export interface BenchWarroomOptions {
  aws: AwsEmulator;
  slack: SlackEmulator;
  topicArn: string;
  botToken: string;
  signingSecret: string;
  alertChannel?: string;
  /** More warroom.yml, appended as written (top-level keys such as `escalation:`). */
  extraConfig?: string;
}

export interface BenchWarroom {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** The SQLite file warroom writes (its own temporary folder). */
  dbPath: string;
  /** Peak resident set size so far (VmHWM), in MB; Linux only. */
  peakRssMb(): number;
  stop(): void;
}

/**
 * Starts `bin/warroom.ts` as a child process wired to the local AWS and Slack emulators, with its
 * own warroom.yml and SQLite file in a fresh temporary folder, and resolves once /readyz is 200.
 */
export async function spawnWarroom(options: BenchWarroomOptions): Promise<BenchWarroom> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  const alertChannel = options.alertChannel ?? 'C0ALERTS';
  writeFileSync(
    join(dir, 'warroom.yml'),
    `slack:\n  alertChannel: ${alertChannel}\nsns:\n  topicArns: [${options.topicArn}]\n${options.extraConfig ?? ''}`,
  );
  const dbPath = join(dir, 'warroom.db');
  const service = await spawnService(
    'bin/warroom.ts',
    {
      ...options.aws.endpointEnv(),
      AWS_ACCESS_KEY_ID: 'AKIDBENCH',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_REGION: 'us-east-1',
      SLACK_BOT_TOKEN: options.botToken,
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_API_URL: options.slack.apiUrl,
      WARROOM_CONFIG: join(dir, 'warroom.yml'),
      WARROOM_STORE: `sqlite:${dbPath}`,
      SNS_CERT_DIR: SANDBOX_SNS_CERT_DIR,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    /"port":(\d+)[^\n]*"msg":"warroom is listening"/,
  );
  const url = `http://127.0.0.1:${service.port}`;
  const ready = await waitFor(async () => {
    try {
      return (await fetch(`${url}/readyz`)).ok;
    } catch {
      return false;
    }
  }, 20_000);
  if (!ready) {
    service.stop();
    throw new Error('warroom did not become ready within 20 s');
  }
  return {
    child: service.child,
    url,
    dbPath,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: service.stop,
  };
}
