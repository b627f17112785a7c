import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, harnessEnv, TEST_BOT_TOKEN } from '../support/warroom-harness.ts';
import { spawnWarroom } from '../support/warroom-process.ts';

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

beforeEach(() => {
  slack.release();
  slack.reset();
});

function freshEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-crash-'));
  writeFileSync(join(dir, 'warroom.yml'), defaultYaml());
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

describe('no loss across a SIGKILL', () => {
  it('posts exactly one card when killed after /sns answered 2xx but before the card was posted', async () => {
    const env = freshEnv();
    const first = await spawnWarroom(env);
    slack.hold();
    const [alarm] = signedOrdersDbScenario();
    expect(await postSns(first.url, alarm!.body)).toBe(200);
    await slack.waitForHeld(1);
    await first.kill('SIGKILL');
    slack.release();
    expect(cardPosts()).toHaveLength(0);

    const second = await spawnWarroom(env);
    await waitFor(() => cardPosts().length === 1, 'the card after restart');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cardPosts()).toHaveLength(1);
    // Top-level messages only: the alarm's metric picture is a reply in the card's thread.
    expect(slack.messages(ALERT_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);
    await second.kill('SIGTERM');
  });

  it('finds the card instead of posting again when killed after Slack posted it but before its ts was recorded', async () => {
    const env = freshEnv();
    const first = await spawnWarroom(env);
    slack.hold({ mode: 'after' });
    const [alarm, failover] = signedOrdersDbScenario();
    expect(await postSns(first.url, alarm!.body)).toBe(200);
    await slack.waitForHeld(1);
    await first.kill('SIGKILL');
    slack.release();
    expect(cardPosts()).toHaveLength(1);

    const second = await spawnWarroom(env);
    expect(await postSns(second.url, failover!.body)).toBe(200);
    const cardShowsFailover = () =>
      JSON.stringify(slack.messages(ALERT_CHANNEL)[0]?.blocks ?? '').includes('failover');
    await waitFor(cardShowsFailover, 'the found card to be updated with the failover');
    // What follows a post happens for a found card too: the alarm's metric picture in its thread.
    await waitFor(() => slack.files().some((file) => file.completed), 'the metric picture of the found card');
    expect(cardPosts()).toHaveLength(1);
    // Top-level messages only: the alarm's metric picture is a reply in the card's thread.
    expect(slack.messages(ALERT_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts)).toHaveLength(1);
    await second.kill('SIGTERM');
  });
});

describe('start-up configuration errors', () => {
  it('exits with code 2 and one line per bad key', async () => {
    const env = { ...freshEnv(), SLACK_BOT_TOKEN: 'not-a-token', PORT: 'x' };
    await expect(spawnWarroom(env, 10_000)).rejects.toThrow(
      /exited with 2[\s\S]*SLACK_BOT_TOKEN: expected a bot token[\s\S]*PORT/,
    );
  });
});
