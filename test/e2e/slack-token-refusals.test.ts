import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ appTokens: ['xapp-1-A0WARROOM-good'] });
});

afterAll(async () => {
  await harness.stop();
});

async function readiness() {
  const response = await fetch(`${harness.warroom.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { checks: Record<string, boolean> } };
}

describe('Slack tokens refused at start-up', () => {
  it('a bot token Slack refuses stops start-up with a coded error saying which token and where to get it', async () => {
    await harness.stopWarroom();
    const good = harness.env.SLACK_BOT_TOKEN as string;
    harness.env.SLACK_BOT_TOKEN = 'xoxb-revoked-token';
    await expect(harness.startWarroom()).rejects.toMatchObject({
      code: 'SLACK.BOT_TOKEN_REFUSED',
      userMessage: expect.stringContaining('Slack refused SLACK_BOT_TOKEN (invalid_auth)'),
    });
    harness.env.SLACK_BOT_TOKEN = good;
    await harness.startWarroom();
  });

  it('an app-level token Slack refuses stops Socket Mode start-up with a coded error', async () => {
    await harness.stopWarroom();
    harness.env.SLACK_APP_TOKEN = 'xapp-1-A0WARROOM-wrong';
    await expect(harness.startWarroom()).rejects.toMatchObject({
      code: 'SLACK.APP_TOKEN_REFUSED',
      userMessage: expect.stringContaining('Slack refused SLACK_APP_TOKEN (invalid_auth)'),
    });
    delete harness.env.SLACK_APP_TOKEN;
    await harness.startWarroom();
  });

  it('Slack unreachable at start-up is not fatal: not ready until Slack answers, then cards flow', async () => {
    await harness.stopWarroom();
    const apiUrl = harness.env.SLACK_API_URL as string;
    harness.env.SLACK_API_URL = 'http://127.0.0.1:9/api/';
    await harness.startWarroom();
    const before = await readiness();
    expect(before.status).toBe(503);
    expect(before.body.checks.slackAuth).toBe(false);
    await harness.stopWarroom();
    harness.env.SLACK_API_URL = apiUrl;
    await harness.startWarroom();
    expect((await readiness()).body.checks.slackAuth).toBe(true);
    const [alarm] = signedOrdersDbScenario(new Date());
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await harness.warroom.settled();
    const cards = harness.slack.messages(ALERT_CHANNEL).filter((message) => !message.thread_ts);
    expect(cards.map((card) => card.text)).toEqual([expect.stringContaining('orders-db')]);
  });
});
