import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { ManualClock } from '../../src/clock.ts';
import { Metrics } from '../../src/metrics.ts';
import { SlackGateway } from '../../src/slack/slack-gateway.ts';

const TOKEN = 'xoxb-gateway-test';
let slack: SlackEmulator | undefined;

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function setUp(clock: ManualClock, scopes?: string[]) {
  slack = await startSlackEmulator({
    botToken: TOKEN,
    clock,
    rateLimits: true,
    ...(scopes ? { scopes } : {}),
  });
  const metrics = new Metrics();
  const slept: number[] = [];
  const client = new webApi.WebClient(TOKEN, {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logger: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => webApi.LogLevel.ERROR,
      setName() {},
    },
  });
  const gateway = new SlackGateway({
    client,
    metrics,
    logger: pino({ level: 'silent' }),
    // Waiting Retry-After moves the emulator's clock instead of sleeping.
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
  });
  return { gateway, metrics, slept, emulator: slack };
}

describe('SlackGateway', () => {
  it('posts a burst to one channel in order, waiting out every 429 Retry-After', async () => {
    const clock = new ManualClock();
    const { gateway, metrics, slept, emulator } = await setUp(clock);
    const texts = Array.from({ length: 12 }, (_, i) => `card ${i}`);
    await Promise.all(texts.map((text) => gateway.postMessage({ channel: 'C0ALERTS', text })));
    expect(emulator.messages('C0ALERTS').map((message) => message.text)).toEqual(texts);
    const limited = emulator.calls.filter((call) => call.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(slept.length).toBe(limited.length);
    expect(slept.every((ms) => ms >= 1000)).toBe(true);
    const counted = (
      await metrics.registry.getSingleMetricAsString('warroom_slack_rate_limited_total')
    ).trim();
    expect(counted).toContain(
      `warroom_slack_rate_limited_total{method="chat.postMessage"} ${limited.length}`,
    );
  });

  it('turns a Slack error into a coded BotError', async () => {
    const { gateway } = await setUp(new ManualClock());
    await expect(gateway.postMessage({ channel: 'C0NOWHERE', text: 'x' })).rejects.toMatchObject({
      code: 'SLACK.CHANNEL_NOT_FOUND',
    });
  });

  it('names the scope Slack wanted when it answers missing_scope', async () => {
    const { gateway } = await setUp(new ManualClock(), ['channels:read']);
    await expect(gateway.postMessage({ channel: 'C0ALERTS', text: 'hi' })).rejects.toMatchObject({
      code: 'SLACK.MISSING_SCOPE',
      userMessage:
        "Slack refused chat.postMessage: missing_scope (needs chat:write: add it to the app's scopes and reinstall it).",
    });
  });

  it('finds a message it posted by its metadata', async () => {
    const clock = new ManualClock();
    const { gateway } = await setUp(clock);
    const since = clock.now();
    await gateway.postMessage({ channel: 'C0ALERTS', text: 'other' });
    const { ts } = await gateway.postMessage({
      channel: 'C0ALERTS',
      text: 'card',
      metadata: { event_type: 'warroom_incident_card', event_payload: { incident_seq: 7 } },
    });
    const found = await gateway.findMessageByMetadata(
      'C0ALERTS',
      since,
      'warroom_incident_card',
      (p) => p.incident_seq === 7,
    );
    expect(found).toBe(ts);
    const missing = await gateway.findMessageByMetadata(
      'C0ALERTS',
      since,
      'warroom_incident_card',
      (p) => p.incident_seq === 8,
    );
    expect(missing).toBeUndefined();
  });

  it('never sends a post again after Slack answers 500: SLACK.UNCONFIRMED, one message', async () => {
    const { gateway, emulator, slept } = await setUp(new ManualClock());
    emulator.loseAnswer('chat.postMessage', 'http-500');
    await expect(gateway.postMessage({ channel: 'C0ALERTS', text: 'card' })).rejects.toMatchObject({
      code: 'SLACK.UNCONFIRMED',
    });
    emulator.loseAnswer('chat.postMessage', 'reset');
    await expect(gateway.postMessage({ channel: 'C0ALERTS', text: 'reply' })).rejects.toMatchObject({
      code: 'SLACK.UNCONFIRMED',
    });
    expect(emulator.messages('C0ALERTS').map((message) => message.text)).toEqual(['card', 'reply']);
    expect(emulator.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slept).toEqual([]);
  });

  it('sends a read or an update again after a lost answer: doing it twice does no harm', async () => {
    const clock = new ManualClock();
    const { gateway, emulator, slept } = await setUp(clock);
    const { ts } = await gateway.postMessage({ channel: 'C0ALERTS', text: 'card' });
    emulator.loseAnswer('chat.update', 'reset');
    await gateway.updateMessage({ channel: 'C0ALERTS', ts, text: 'card, updated' });
    emulator.loseAnswer('conversations.history', 'http-500', 2);
    expect(await gateway.readMessage('C0ALERTS', ts)).toMatchObject({ text: 'card, updated' });
    expect(emulator.callsTo('chat.update')).toHaveLength(2);
    expect(emulator.callsTo('conversations.history')).toHaveLength(3);
    expect(slept).toEqual([200, 200, 400]);
  });

  it('a Slack refusal is not sent again', async () => {
    const { gateway, emulator } = await setUp(new ManualClock());
    await expect(
      gateway.updateMessage({ channel: 'C0ALERTS', ts: '1.000001', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'SLACK.MESSAGE_NOT_FOUND',
    });
    expect(emulator.callsTo('chat.update')).toHaveLength(1);
  });
});
