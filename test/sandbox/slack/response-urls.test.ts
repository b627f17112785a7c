import { afterEach, describe, expect, it } from 'vitest';
import { type SlackEmulator, startSlackEmulator } from '../../../sandbox/slack/slack-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';

let slack: SlackEmulator | undefined;

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('response_url', () => {
  it('records replies, and takes five per URL', async () => {
    slack = await startSlackEmulator({ botToken: 'xoxb-t' });
    const url = slack.issueResponseUrl('U0ALICE', 'C0ALERTS');
    for (let i = 0; i < 5; i++) expect((await post(url, { text: `reply ${i}` })).status).toBe(200);
    const sixth = await post(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(slack.responses(url).map((reply) => reply.text)).toEqual([
      'reply 0',
      'reply 1',
      'reply 2',
      'reply 3',
      'reply 4',
    ]);
    expect(slack.responses(url)[0]).toMatchObject({
      userId: 'U0ALICE',
      channel: 'C0ALERTS',
      responseType: 'ephemeral',
    });
  });

  it('expires after 30 minutes', async () => {
    const clock = new ManualClock();
    slack = await startSlackEmulator({ botToken: 'xoxb-t', clock });
    const url = slack.issueResponseUrl('U0ALICE', 'C0ALERTS');
    clock.advance(30 * 60_000 + 1);
    expect(await (await post(url, { text: 'late' })).json()).toEqual({ ok: false, error: 'expired_url' });
  });

  it('refuses an empty reply and invalid blocks', async () => {
    slack = await startSlackEmulator({ botToken: 'xoxb-t' });
    const url = slack.issueResponseUrl('U0ALICE', 'C0ALERTS');
    expect(await (await post(url, {})).json()).toEqual({ ok: false, error: 'no_text' });
    const bad = await post(url, { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] });
    expect(await bad.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(slack.responses()).toEqual([]);
  });
});
