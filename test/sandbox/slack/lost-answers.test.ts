import { ErrorCode, WebAPIHTTPError, WebAPIRequestError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

describe('a Slack call carried out whose answer is lost (loseAnswer)', () => {
  let slack: FakeSlack;

  beforeEach(async () => {
    slack = await startFakeSlack({ rateLimits: false });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  const post = (text: string) => slack.client.chat.postMessage({ channel: 'C0ALERTS', text });
  const texts = () => slack.emulator.messages('C0ALERTS').map((message) => message.text);

  it('posts, then answers ok:false internal_error', async () => {
    slack.emulator.loseAnswer('chat.postMessage', 'internal_error');
    expect(await slackError(post('card'))).toMatchObject({ ok: false, error: 'internal_error' });
    expect(texts()).toEqual(['card']);
    expect(slack.emulator.callsTo('chat.postMessage')[0]).toMatchObject({
      ok: true,
      fault: 'internal_error',
    });
  });

  it('posts, then answers HTTP 500', async () => {
    slack.emulator.loseAnswer('chat.postMessage', 'http-500');
    const error = await post('card').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect(error).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(texts()).toEqual(['card']);
  });

  it('posts, then drops the connection without an answer', async () => {
    slack.emulator.loseAnswer('chat.postMessage', 'reset');
    const error = await post('card').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAPIRequestError);
    expect(texts()).toEqual(['card']);
  });

  it('keeps the fault for the next call that works, and answers normally after `times`', async () => {
    slack.emulator.loseAnswer('chat.postMessage', 'internal_error', 2);
    expect(
      await slackError(slack.client.chat.postMessage({ channel: 'C0NOWHERE', text: 'refused' })),
    ).toMatchObject({ error: 'channel_not_found' });
    await post('one').catch(() => undefined);
    await post('two').catch(() => undefined);
    await expect(post('three')).resolves.toMatchObject({ ok: true });
    expect(texts()).toEqual(['one', 'two', 'three']);
    slack.emulator.loseAnswer('chat.postMessage', 'reset');
    slack.emulator.reset();
    await expect(post('after reset')).resolves.toMatchObject({ ok: true });
  });

  it('reads a DM’s history only with im:history, as Slack does', async () => {
    const dm = await slack.client.conversations.open({ users: 'U0ALICE' });
    const channel = dm.channel?.id ?? '';
    await slack.client.chat.postMessage({ channel, text: 'page' });
    const history = await slack.client.conversations.history({ channel });
    expect(history.messages?.map((message) => message.text)).toEqual(['page']);
    const narrow = await startFakeSlack({ scopes: ['chat:write', 'im:write'] });
    const opened = await narrow.client.conversations.open({ users: 'U0ALICE' });
    expect(
      await slackError(narrow.client.conversations.history({ channel: opened.channel?.id ?? '' })),
    ).toMatchObject({ error: 'missing_scope', needed: 'im:history' });
    await narrow.emulator.close();
  });
});
