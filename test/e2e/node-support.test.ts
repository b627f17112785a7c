import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { defaultYaml, harnessEnv, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';
import { spawnWarroom } from '../support/warroom-process.ts';

/**
 * The AWS SDK's floor: @aws-sdk/core warns at the first client (warroom makes its clients at start)
 * that its releases after the first week of January 2027 need Node 22 or later. Development runs
 * Node 20, which gets the warning; the image and CI's second suite run Node 24, which must not.
 */
const SDK_NODE_FLOOR = 22;
const SDK_SUPPORT_WARNING = /Node(Version)?(Support|Deprecation)Warning|The AWS SDK for JavaScript \(v3\)/;

let aws: AwsEmulator;
let slack: SlackEmulator;
let dir: string;

beforeAll(async () => {
  aws = await startAwsEmulator();
  slack = await startSlackEmulator({ botToken: TEST_BOT_TOKEN, rateLimits: false });
  dir = mkdtempSync(join(tmpdir(), 'warroom-node-support-'));
  writeFileSync(join(dir, 'warroom.yml'), defaultYaml());
});

afterAll(async () => {
  await slack?.close();
  await aws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Node warroom starts on', () => {
  const major = Number(process.versions.node.split('.')[0]);
  const supported = major >= SDK_NODE_FLOOR;

  it(`starts on Node ${process.versions.node} ${supported ? 'without' : 'with'} the AWS SDK's Node support warning (none from Node ${SDK_NODE_FLOOR} on)`, async () => {
    const warroom = await spawnWarroom(harnessEnv(aws, slack, dir));
    // Ready means the store, Slack and the AWS clients are up; a warning is written by then.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await warroom.kill('SIGTERM');
    const output = warroom.output();
    expect(output).toContain('"msg":"warroom is listening"');
    if (supported) {
      expect(output).not.toMatch(SDK_SUPPORT_WARNING);
      // Nothing else from Node either: production starts clean.
      expect(output).not.toMatch(/\(node:\d+\) \[?\w*\]? ?\w*Warning/);
    } else {
      // The check above would see it: on an older Node the SDK does warn, at start.
      expect(output).toMatch(SDK_SUPPORT_WARNING);
      expect(output).toContain(`You are running node v${process.versions.node}`);
    }
  });
});
