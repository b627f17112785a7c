import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackEmulator } from '../../../sandbox/slack/slack-emulator.ts';
import { BOT_TOKEN, createClient, type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

describe('local Slack: authentication and request formats', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('answers auth.test with the bot identity', async () => {
    const result = await slack.client.auth.test();
    expect(result).toMatchObject({
      ok: true,
      team: 'warroom',
      team_id: 'T0WARROOM',
      user_id: 'U0WARBOT',
      bot_id: 'B0WARBOT',
      url: 'https://warroom.slack.com/',
      is_enterprise_install: false,
    });
  });

  it('answers not_authed without a token and invalid_auth with a wrong one', async () => {
    expect((await slackError(createClient(slack.emulator, undefined).auth.test())).error).toBe('not_authed');
    expect((await slackError(createClient(slack.emulator, 'xoxb-wrong').auth.test())).error).toBe(
      'invalid_auth',
    );
  });

  it('accepts tokens registered later and extra tokens given at start', async () => {
    slack.emulator.addToken('xoxb-second');
    await expect(createClient(slack.emulator, 'xoxb-second').auth.test()).resolves.toMatchObject({
      ok: true,
    });
    const other = await startSlackEmulator({ botToken: 'a', extraTokens: ['b'], rateLimits: false });
    try {
      await expect(createClient(other, 'b').auth.test()).resolves.toMatchObject({ ok: true });
    } finally {
      await other.close();
    }
  });

  it('answers unknown_method for a method it does not know', async () => {
    const data = await slackError(slack.client.apiCall('chat.postMessages', { channel: 'C0ALERTS' }));
    expect(data).toMatchObject({ error: 'unknown_method', req_method: 'chat.postMessages' });
  });

  it('accepts a JSON body with a bearer token and a form body with a token field', async () => {
    const json = await fetch(`${slack.emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0ALERTS', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0ALERTS' });
    const form = await fetch(`${slack.emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: BOT_TOKEN, channel: 'C0ALERTS', text: 'form' }).toString(),
    });
    expect(await form.json()).toMatchObject({ ok: true });
    expect(slack.emulator.messages('C0ALERTS').map((message) => message.text)).toEqual(['json', 'form']);
    expect(slack.emulator.messages('C0ALERTS')[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('refuses a token inside a JSON body, as Slack does', async () => {
    const response = await fetch(`${slack.emulator.apiUrl}auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: BOT_TOKEN }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('answers missing_post_type and invalid_post_type for bodies it cannot read', async () => {
    const untyped = await fetch(`${slack.emulator.apiUrl}auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': '' },
      body: 'x=1',
    });
    expect(await untyped.json()).toMatchObject({ error: 'missing_post_type' });
    const xml = await fetch(`${slack.emulator.apiUrl}auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(await xml.json()).toMatchObject({ error: 'invalid_post_type' });
  });

  it('answers missing_scope naming the scope when the token lacks it', async () => {
    const narrow = await startFakeSlack({ scopes: ['chat:write'] });
    try {
      const data = await slackError(narrow.client.users.info({ user: 'U0ALICE' }));
      expect(data).toMatchObject({ error: 'missing_scope', needed: 'users:read', provided: 'chat:write' });
      expect(data.response_metadata?.scopes).toEqual(['chat:write']);
    } finally {
      await narrow.emulator.close();
    }
  });

  it('records every call with parsed arguments and no token, and tells listeners', async () => {
    const seen: string[] = [];
    const stop = slack.emulator.onCall((call) => seen.push(call.method));
    await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'hi', blocks: [{ type: 'divider' }] });
    await slackError(slack.client.chat.postMessage({ channel: 'C0NOPE', text: 'hi' }));
    stop();
    await slack.client.auth.test();
    expect(seen).toEqual(['chat.postMessage', 'chat.postMessage']);
    const [first, second] = slack.emulator.callsTo('chat.postMessage');
    expect(first).toMatchObject({ ok: true, status: 200, args: { blocks: [{ type: 'divider' }] } });
    expect(first?.args).not.toHaveProperty('token');
    expect(first?.at).toEqual(slack.clock.now());
    expect(second).toMatchObject({ ok: false, error: 'channel_not_found', status: 200 });
    expect(slack.emulator.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'auth.test',
    ]);
  });

  it('forgets calls and messages on reset but keeps the workspace', async () => {
    await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'hi' });
    slack.emulator.reset();
    expect(slack.emulator.calls).toEqual([]);
    expect(slack.emulator.messages('C0ALERTS')).toEqual([]);
    await expect(slack.client.conversations.info({ channel: 'C0ALERTS' })).resolves.toMatchObject({
      ok: true,
    });
  });
});
