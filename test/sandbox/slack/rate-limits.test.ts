import { WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, type FakeSlack, startFakeSlack } from './fake-slack.ts';

async function rateLimited(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof WebAPIRateLimitedError) return error.retryAfter;
    throw error;
  }
  throw new Error('expected HTTP 429, but the call succeeded');
}

describe('local Slack: rate limits', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({
      workspace: {
        channels: [
          { id: 'C0ALERTS', name: 'alerts', members: ['U0WARBOT'] },
          { id: 'C0OTHER', name: 'other', members: ['U0WARBOT'] },
        ],
      },
    });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('lets 5 chat.postMessage through in a burst to one channel, then answers 429', async () => {
    for (let index = 0; index < 5; index += 1) {
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
    }
    expect(await rateLimited(slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'sixth' }))).toBe(1);
    const limited = slack.emulator.callsTo('chat.postMessage').at(-1);
    expect(limited).toMatchObject({ ok: false, error: 'ratelimited', status: 429 });
    expect(slack.emulator.messages('C0ALERTS')).toHaveLength(5);
  });

  it('answers with the exact Slack body and a Retry-After header', async () => {
    for (let index = 0; index < 5; index += 1) {
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
    }
    const response = await fetch(`${slack.emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C0ALERTS&text=x',
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('counts a channel named by name against the same bucket as its id', async () => {
    for (let index = 0; index < 5; index += 1) {
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
    }
    await rateLimited(slack.client.chat.postMessage({ channel: '#alerts', text: 'by name' }));
  });

  it('limits each channel on its own', async () => {
    for (let index = 0; index < 5; index += 1) {
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
    }
    await expect(slack.client.chat.postMessage({ channel: 'C0OTHER', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('recovers one message a second as the clock moves', async () => {
    for (let index = 0; index < 5; index += 1) {
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
    }
    slack.clock.advance(999);
    await rateLimited(slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'too soon' }));
    slack.clock.advance(1);
    await expect(slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'ok' })).resolves.toMatchObject({
      ok: true,
    });
    await rateLimited(slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'again too soon' }));
  });

  it('holds chat.update to Tier 3: 50 calls, then Retry-After until the next one', async () => {
    const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
    const ts = posted.ts as string;
    for (let index = 0; index < 50; index += 1) {
      await slack.client.chat.update({ channel: 'C0ALERTS', ts, text: `v${index}` });
    }
    expect(await rateLimited(slack.client.chat.update({ channel: 'C0ALERTS', ts, text: 'v50' }))).toBe(2);
    slack.clock.advance(1200);
    await expect(slack.client.chat.update({ channel: 'C0ALERTS', ts, text: 'v51' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('holds conversations.create to Tier 2 (20 a minute): Retry-After 3', async () => {
    for (let index = 0; index < 20; index += 1) {
      await slack.client.conversations.create({ name: `inc-${index}` });
    }
    expect(await rateLimited(slack.client.conversations.create({ name: 'inc-20' }))).toBe(3);
    slack.clock.advance(60_000);
    for (let index = 21; index < 41; index += 1) {
      await slack.client.conversations.create({ name: `inc-${index}` });
    }
  });

  it('holds conversations.open (how a page DM starts) to Tier 3: 50 calls, then Retry-After 2', async () => {
    for (let index = 0; index < 50; index += 1) {
      await slack.client.conversations.open({ users: 'U0ALICE' });
    }
    expect(await rateLimited(slack.client.conversations.open({ users: 'U0ALICE' }))).toBe(2);
  });

  it('limits nothing with rateLimits: false', async () => {
    const open = await startFakeSlack({ rateLimits: false });
    try {
      for (let index = 0; index < 30; index += 1) {
        await open.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
      }
      expect(open.emulator.messages('C0ALERTS')).toHaveLength(30);
    } finally {
      await open.emulator.close();
    }
  });
});
