import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../sandbox/slack/slack-emulator.ts';
import { ManualClock } from '../../src/clock.ts';
import { Metrics } from '../../src/metrics.ts';
import { runForIncident } from '../../src/slack/call-priority.ts';
import { SlackGateway } from '../../src/slack/slack-gateway.ts';
import { SlackPacer } from '../../src/slack/slack-pacer.ts';

const TOKEN = 'xoxb-gateway-test';
let slack: SlackEmulator | undefined;

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function setUp(clock: ManualClock, scopes?: string[], stopping?: AbortController) {
  slack = await startSlackEmulator({
    botToken: TOKEN,
    clock,
    rateLimits: true,
    ...(scopes ? { scopes } : {}),
  });
  const metrics = new Metrics();
  const slept: number[] = [];
  const paced: number[] = [];
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
    stopping: stopping?.signal,
    // Waiting (a backoff, Slack's limits) moves the emulator's clock instead of sleeping.
    sleep: async (ms) => {
      slept.push(ms);
      clock.advance(ms);
    },
    pacer: new SlackPacer({
      clock,
      // A turn of the event loop first, as a real wait gives calls made meanwhile time to line up.
      sleep: async (ms) => {
        paced.push(ms);
        await new Promise((resolve) => setImmediate(resolve));
        clock.advance(ms);
      },
    }),
  });
  return { gateway, metrics, slept, paced, client, emulator: slack };
}

const texts = (emulator: SlackEmulator, channel: string) =>
  emulator.messages(channel).map((message) => message.text);
const rateLimitedCount = async (metrics: Metrics) =>
  (await metrics.registry.getSingleMetricAsString('warroom_slack_rate_limited_total')).trim();

describe('SlackGateway', () => {
  it('posts a burst to one channel in order, paced so that Slack never answers 429', async () => {
    const clock = new ManualClock();
    const { gateway, metrics, paced, emulator } = await setUp(clock);
    const cards = Array.from({ length: 12 }, (_, i) => `card ${i}`);
    await Promise.all(cards.map((text) => gateway.postMessage({ channel: 'C0ALERTS', text })));
    expect(texts(emulator, 'C0ALERTS')).toEqual(cards);
    expect(emulator.calls.filter((call) => call.status === 429)).toEqual([]);
    // It waited instead: 9 posts after the burst of 3, a little over a second apart.
    expect(paced.length).toBeGreaterThanOrEqual(9);
    expect(await rateLimitedCount(metrics)).not.toContain('chat.postMessage');
  });

  it('waits out a 429 that comes all the same (another app used the allowance) and counts it', async () => {
    const clock = new ManualClock();
    const { gateway, metrics, paced, client, emulator } = await setUp(clock);
    // Someone else's posts, with the same token, empty the channel's allowance behind warroom's back.
    for (let i = 0; i < 5; i += 1) await client.chat.postMessage({ channel: 'C0ALERTS', text: `other ${i}` });
    await Promise.all(['mine 1', 'mine 2'].map((text) => gateway.postMessage({ channel: 'C0ALERTS', text })));
    expect(texts(emulator, 'C0ALERTS').slice(5)).toEqual(['mine 1', 'mine 2']);
    const limited = emulator.calls.filter((call) => call.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // Retry-After (1 s) held the channel: the second post waited too rather than meeting a 429.
    expect(paced[0]).toBe(1000);
    expect(await rateLimitedCount(metrics)).toContain(
      `warroom_slack_rate_limited_total{method="chat.postMessage"} ${limited.length}`,
    );
  });

  it("under contention sends an impact-1 incident's post before impact-3 posts asked for earlier", async () => {
    const { gateway, emulator } = await setUp(new ManualClock());
    const post = (text: string) => gateway.postMessage({ channel: 'C0ALERTS', text });
    // Three impact-5 incidents' posts take the channel's burst; the rest must wait.
    const burst = () =>
      [1, 2, 3].map((n) => runForIncident({ seq: 10 + n, impact: 5 }, () => post(`burst ${n}`)));
    const posts = [
      ...burst(),
      ...[3, 4, 5].map((seq) => runForIncident({ seq, impact: 3 }, () => post(`INC-${seq} impact 3`))),
      runForIncident({ seq: 6, impact: 1 }, () => post('INC-6 impact 1')),
    ];
    await Promise.all(posts);
    expect(texts(emulator, 'C0ALERTS')).toEqual([
      'burst 1',
      'burst 2',
      'burst 3',
      'INC-6 impact 1',
      'INC-3 impact 3',
      'INC-4 impact 3',
      'INC-5 impact 3',
    ]);
    expect(emulator.calls.filter((call) => call.status === 429)).toEqual([]);
  });

  it("keeps one incident's calls in a channel in order, even when its impact rises in between", async () => {
    const { gateway, emulator } = await setUp(new ManualClock());
    const post = (text: string) => gateway.postMessage({ channel: 'C0ALERTS', text });
    await Promise.all([
      ...[1, 2, 3].map((n) => runForIncident({ seq: 10 + n, impact: 5 }, () => post(`burst ${n}`))),
      runForIncident({ seq: 1, impact: 3 }, () => post('INC-1 first')),
      runForIncident({ seq: 1, impact: 1 }, () => post('INC-1 second')),
      runForIncident({ seq: 2, impact: 2 }, () => post('INC-2')),
    ]);
    expect(texts(emulator, 'C0ALERTS').slice(3)).toEqual(['INC-2', 'INC-1 first', 'INC-1 second']);
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

  it('once warroom is stopping, a failed read is not sent again: the work fails now, for the next start', async () => {
    const stopping = new AbortController();
    const { gateway, emulator, slept } = await setUp(new ManualClock(), undefined, stopping);
    const { ts } = await gateway.postMessage({ channel: 'C0ALERTS', text: 'card' });
    stopping.abort();
    emulator.loseAnswer('conversations.history', 'http-500');
    await expect(gateway.readMessage('C0ALERTS', ts)).rejects.toMatchObject({ code: expect.any(String) });
    expect(emulator.callsTo('conversations.history')).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('a stop that comes while a call is being retried ends its retries', async () => {
    const stopping = new AbortController();
    const { gateway, emulator, slept } = await setUp(new ManualClock(), undefined, stopping);
    const { ts } = await gateway.postMessage({ channel: 'C0ALERTS', text: 'card' });
    emulator.loseAnswer('conversations.history', 'http-500', 3);
    const read = gateway.readMessage('C0ALERTS', ts);
    // The first retry is under way (its backoff is recorded); SIGTERM arrives now.
    while (slept.length === 0) await new Promise((resolve) => setImmediate(resolve));
    stopping.abort();
    await expect(read).rejects.toBeDefined();
    expect(emulator.callsTo('conversations.history')).toHaveLength(2);
    expect(slept).toEqual([200]);
  });
});
