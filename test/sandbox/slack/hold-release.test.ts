import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, type FakeSlack, startFakeSlack } from './fake-slack.ts';

describe('local Slack: hold and release', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({ rateLimits: false });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('accepts a call while held, answers nothing, and carries it out on release', async () => {
    slack.emulator.hold();
    let answered = false;
    const posting = slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' }).then((result) => {
      answered = true;
      return result;
    });
    await slack.emulator.waitForHeld(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    expect(slack.emulator.messages('C0ALERTS')).toEqual([]);
    expect(slack.emulator.calls).toEqual([]);
    await slack.emulator.release();
    await expect(posting).resolves.toMatchObject({ ok: true });
    expect(slack.emulator.messages('C0ALERTS')).toHaveLength(1);
  });

  it('drops a held call whose client went away (the bot crashed before Slack saw it)', async () => {
    slack.emulator.hold();
    const abort = new AbortController();
    const posting = fetch(`${slack.emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C0ALERTS&text=lost',
      signal: abort.signal,
    }).catch((error: unknown) => error);
    await slack.emulator.waitForHeld(1);
    abort.abort();
    await posting;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await slack.emulator.release();
    expect(slack.emulator.messages('C0ALERTS')).toEqual([]);
  });

  it("in mode 'after' carries the call out at once and holds only the answer", async () => {
    slack.emulator.hold({ mode: 'after' });
    const posting = slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'posted' });
    await slack.emulator.waitForHeld(1);
    expect(slack.emulator.messages('C0ALERTS').map((message) => message.text)).toEqual(['posted']);
    await slack.emulator.release();
    await expect(posting).resolves.toMatchObject({ ok: true });
  });

  it('answers held calls in arrival order', async () => {
    slack.emulator.hold();
    const first = slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'first' });
    await slack.emulator.waitForHeld(1);
    const second = slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'second' });
    await slack.emulator.waitForHeld(2);
    await slack.emulator.release();
    await Promise.all([first, second]);
    expect(slack.emulator.messages('C0ALERTS').map((message) => message.text)).toEqual(['first', 'second']);
  });
});
