import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { startSlackOutageProxy } from '../support/slack-outage-proxy.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, harnessEnv, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';
import { spawnWarroom, type WarroomProcess } from '../support/warroom-process.ts';

const GRACE_SECONDS = 2;
/** Starting node, logging and closing SQLite: well under this on a loaded 2-core machine. */
const EXIT_MARGIN_MS = 4000;

let aws: AwsEmulator;
let slack: SlackEmulator;

beforeAll(async () => {
  aws = await startAwsEmulator();
  slack = await startSlackEmulator({ botToken: TEST_BOT_TOKEN, rateLimits: false });
});

afterAll(async () => {
  await slack.close();
  await aws.close();
});

beforeEach(async () => {
  await slack.release();
  slack.reset();
});

function freshEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-shutdown-'));
  writeFileSync(join(dir, 'warroom.yml'), `${defaultYaml()}shutdownGraceSeconds: ${GRACE_SECONDS}\n`);
  return harnessEnv(aws, slack, dir);
}

async function postSns(url: string, body: string): Promise<number> {
  const response = await fetch(`${url}/sns`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  return response.status;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cardPosts = () => slack.callsTo('chat.postMessage').filter((call) => call.ok);
const topLevel = () => slack.messages(ALERT_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

/** SIGTERM, and how long the process took to exit, with its exit code. */
async function terminate(warroom: WarroomProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const code = await warroom.kill('SIGTERM');
  return { code, ms: Date.now() - started };
}

/** Restarted with Slack back: the card the stopped process could not post is posted, once. */
async function expectOneCardAfterRestart(env: Record<string, string>): Promise<void> {
  const restarted = await spawnWarroom(env);
  try {
    await waitFor(() => cardPosts().length === 1, 'the card after restart');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cardPosts()).toHaveLength(1);
    expect(topLevel()).toHaveLength(1);
  } finally {
    await restarted.kill('SIGTERM');
  }
}

describe('SIGTERM while Slack is down', () => {
  it('exits 0 within the grace while the card post hangs, and the restart posts the card once', async () => {
    const env = freshEnv();
    const first = await spawnWarroom(env);
    slack.hold();
    const [alarm] = signedOrdersDbScenario();
    expect(await postSns(first.url, alarm!.body)).toBe(200);
    await slack.waitForHeld(1);

    const { code, ms } = await terminate(first);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(GRACE_SECONDS * 1000 + EXIT_MARGIN_MS);
    expect(first.output()).toMatch(/grace over; unfinished work stays in the store/);
    // The held post's caller is gone: Slack never carries it out.
    await slack.release();
    expect(cardPosts()).toHaveLength(0);

    await expectOneCardAfterRestart(env);
  });

  it('exits 0 within the grace while every card sync fails and is retried, and the restart posts the card once', async () => {
    // Each call hangs a while and then fails, so SIGTERM lands while a sync is failing: its retry
    // used to be scheduled after the stop, and the stop waited for it for ever.
    const proxy = await startSlackOutageProxy(slack.apiUrl, 1500);
    try {
      const env = freshEnv();
      const first = await spawnWarroom({ ...env, SLACK_API_URL: proxy.apiUrl });
      proxy.goDown();
      const [alarm] = signedOrdersDbScenario();
      expect(await postSns(first.url, alarm!.body)).toBe(200);
      await waitFor(() => proxy.refused > 0, 'the card sync to reach the dead Slack');

      const { code, ms } = await terminate(first);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(GRACE_SECONDS * 1000 + EXIT_MARGIN_MS);
      expect(cardPosts()).toHaveLength(0);

      await expectOneCardAfterRestart(env);
    } finally {
      await proxy.close();
    }
  });
});

describe('a second signal', () => {
  it('exits at once instead of waiting out the grace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-shutdown-'));
    writeFileSync(join(dir, 'warroom.yml'), `${defaultYaml()}shutdownGraceSeconds: 60\n`);
    const env = harnessEnv(aws, slack, dir);
    const warroom = await spawnWarroom(env);
    slack.hold();
    const [alarm] = signedOrdersDbScenario();
    expect(await postSns(warroom.url, alarm!.body)).toBe(200);
    await slack.waitForHeld(1);

    const started = Date.now();
    warroom.child.kill('SIGTERM');
    await waitFor(() => warroom.output().includes('"msg":"stopping"'), 'the first signal to be heard');
    const code = await warroom.kill('SIGINT');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(EXIT_MARGIN_MS);
    expect(warroom.output()).toMatch(/second signal/);
  });
});
