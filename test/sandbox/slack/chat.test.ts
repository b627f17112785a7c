import type { KnownBlock } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

const card = [
  { type: 'header', text: { type: 'plain_text', text: 'DB down' } },
  {
    type: 'actions',
    block_id: 'incident-actions',
    elements: [
      { type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'Ack' }, style: 'primary' },
    ],
  },
];

describe('local Slack: chat.*', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({
      rateLimits: false,
      workspace: {
        channels: [
          { id: 'C0ALERTS', name: 'alerts', members: ['U0WARBOT', 'U0ALICE'] },
          { id: 'C0PUBLIC', name: 'public', members: ['U0ALICE'] },
          { id: 'G0SECRET', name: 'secret', isPrivate: true, members: ['U0ALICE'] },
        ],
      },
    });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  describe('chat.postMessage', () => {
    it('posts text and blocks and answers channel, ts and message', async () => {
      const result = await slack.client.chat.postMessage({
        channel: 'C0ALERTS',
        text: 'DB down',
        blocks: card,
      });
      expect(result).toMatchObject({
        ok: true,
        channel: 'C0ALERTS',
        message: { text: 'DB down', blocks: card },
      });
      expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
      expect(slack.emulator.messages('C0ALERTS')).toEqual([
        expect.objectContaining({
          ts: result.ts,
          text: 'DB down',
          blocks: card,
          user: 'U0WARBOT',
          bot_id: 'B0WARBOT',
        }),
      ]);
    });

    it('gives strictly increasing ts even when the clock stands still', async () => {
      const first = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'one' });
      const second = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'two' });
      expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
      expect(first.ts?.startsWith(String(Math.floor(slack.clock.now().getTime() / 1000)))).toBe(true);
    });

    it('answers channel_not_found for an unknown channel or a private one the bot is not in', async () => {
      expect((await slackError(slack.client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).error).toBe(
        'channel_not_found',
      );
      expect(
        (await slackError(slack.client.chat.postMessage({ channel: 'G0SECRET', text: 'x' }))).error,
      ).toBe('channel_not_found');
    });

    it('posts in a public channel the bot is not in (chat:write.public), not without that scope', async () => {
      await expect(slack.client.chat.postMessage({ channel: 'C0PUBLIC', text: 'x' })).resolves.toMatchObject({
        ok: true,
      });
      const narrow = await startFakeSlack({
        scopes: ['chat:write'],
        workspace: { channels: [{ id: 'C0PUBLIC', name: 'public', members: [] }] },
      });
      try {
        const data = await slackError(narrow.client.chat.postMessage({ channel: 'C0PUBLIC', text: 'x' }));
        expect(data.error).toBe('not_in_channel');
      } finally {
        await narrow.emulator.close();
      }
    });

    it('accepts a channel name and answers the channel id', async () => {
      const result = await slack.client.chat.postMessage({ channel: '#alerts', text: 'by name' });
      expect(result.channel).toBe('C0ALERTS');
    });

    it('answers no_text without text or blocks', async () => {
      const data = await slackError(slack.client.apiCall('chat.postMessage', { channel: 'C0ALERTS' }));
      expect(data.error).toBe('no_text');
    });

    it('answers msg_too_long for text over 40,000 characters', async () => {
      await expect(
        slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'x'.repeat(40_000) }),
      ).resolves.toMatchObject({ ok: true });
      const data = await slackError(
        slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'x'.repeat(40_001) }),
      );
      expect(data.error).toBe('msg_too_long');
    });

    it('answers invalid_blocks with Slack-style errors and response_metadata', async () => {
      const data = await slackError(
        slack.client.chat.postMessage({
          channel: 'C0ALERTS',
          text: 'x',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(3001) } }],
        }),
      );
      expect(data).toMatchObject({
        error: 'invalid_blocks',
        errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
        response_metadata: {
          messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
        },
      });
      expect(slack.emulator.messages('C0ALERTS')).toEqual([]);
    });

    it('answers invalid_blocks_format when blocks is not a JSON array', async () => {
      const data = await slackError(
        slack.client.apiCall('chat.postMessage', {
          channel: 'C0ALERTS',
          text: 'x',
          blocks: '{"type":"divider"',
        }),
      );
      expect(data.error).toBe('invalid_blocks_format');
    });

    it('answers msg_blocks_too_long when the blocks are too big together', async () => {
      const section = (index: number) => ({
        type: 'section',
        block_id: `b${index}`,
        text: { type: 'mrkdwn', text: 'z'.repeat(2900) },
      });
      const blocks = [0, 1, 2, 3, 4].map(section);
      const data = await slackError(
        slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'x', blocks }),
      );
      expect(data.error).toBe('msg_blocks_too_long');
      await expect(
        slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'x', blocks: blocks.slice(0, 4) }),
      ).resolves.toMatchObject({ ok: true });
    });

    it('threads a reply under an existing message and answers thread_not_found otherwise', async () => {
      const parent = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
      const reply = await slack.client.chat.postMessage({
        channel: 'C0ALERTS',
        text: 'update',
        thread_ts: parent.ts as string,
      });
      expect(reply.message).toMatchObject({ thread_ts: parent.ts });
      const data = await slackError(
        slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'x', thread_ts: '1700000000.000001' }),
      );
      expect(data.error).toBe('thread_not_found');
    });

    it('rejects malformed metadata with invalid_metadata_format / invalid_metadata_schema', async () => {
      const format = await slackError(
        slack.client.apiCall('chat.postMessage', { channel: 'C0ALERTS', text: 'x', metadata: '{nope' }),
      );
      expect(format.error).toBe('invalid_metadata_format');
      const schema = await slackError(
        slack.client.apiCall('chat.postMessage', {
          channel: 'C0ALERTS',
          text: 'x',
          metadata: { event_type: 'x' },
        }),
      );
      expect(schema.error).toBe('invalid_metadata_schema');
    });
  });

  describe('chat.update', () => {
    it('replaces blocks and text of the bot message and marks it edited', async () => {
      const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'open', blocks: card });
      const newBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*acknowledged*' } }];
      const result = await slack.client.chat.update({
        channel: 'C0ALERTS',
        ts: posted.ts as string,
        text: 'acked',
        blocks: newBlocks,
      });
      expect(result).toMatchObject({ ok: true, channel: 'C0ALERTS', ts: posted.ts, text: 'acked' });
      const [stored] = slack.emulator.messages('C0ALERTS');
      expect(stored).toMatchObject({ text: 'acked', blocks: newBlocks, edited: { user: 'U0WARBOT' } });
    });

    it('drops the old blocks when only text is given, as Slack does', async () => {
      const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'open', blocks: card });
      await slack.client.chat.update({ channel: 'C0ALERTS', ts: posted.ts as string, text: 'plain now' });
      expect(slack.emulator.messages('C0ALERTS')[0]?.blocks).toBeUndefined();
    });

    it('answers message_not_found for an unknown ts', async () => {
      const data = await slackError(
        slack.client.chat.update({ channel: 'C0ALERTS', ts: '1.000001', text: 'x' }),
      );
      expect(data.error).toBe('message_not_found');
    });

    it("answers cant_update_message for a person's message", async () => {
      const human = slack.emulator.postAsUser('C0ALERTS', 'U0ALICE', 'hello');
      const data = await slackError(
        slack.client.chat.update({ channel: 'C0ALERTS', ts: human.ts, text: 'x' }),
      );
      expect(data.error).toBe('cant_update_message');
    });

    it('validates the new blocks too', async () => {
      const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'open' });
      const data = await slackError(
        slack.client.chat.update({
          channel: 'C0ALERTS',
          ts: posted.ts as string,
          text: 'x',
          blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'no' } } as unknown as KnownBlock],
        }),
      );
      expect(data.error).toBe('invalid_blocks');
    });
  });

  describe('chat.postEphemeral', () => {
    it('records the ephemeral message outside channel history and answers message_ts', async () => {
      const result = await slack.client.chat.postEphemeral({
        channel: 'C0ALERTS',
        user: 'U0ALICE',
        text: 'psst',
      });
      expect(result.message_ts).toMatch(/^\d{10}\.\d{6}$/);
      expect(slack.emulator.messages('C0ALERTS')).toEqual([]);
      expect(slack.emulator.ephemerals('C0ALERTS')).toEqual([
        expect.objectContaining({ user: 'U0ALICE', text: 'psst', message_ts: result.message_ts }),
      ]);
    });

    it('answers user_not_found and user_not_in_channel', async () => {
      expect(
        (
          await slackError(
            slack.client.chat.postEphemeral({ channel: 'C0ALERTS', user: 'U0NOBODY', text: 'x' }),
          )
        ).error,
      ).toBe('user_not_found');
      expect(
        (await slackError(slack.client.chat.postEphemeral({ channel: 'C0ALERTS', user: 'U0BOB', text: 'x' })))
          .error,
      ).toBe('user_not_in_channel');
    });
  });

  describe('chat.getPermalink', () => {
    it('builds the permalink from team domain, channel and ts', async () => {
      const posted = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
      const ts = posted.ts as string;
      const result = await slack.client.chat.getPermalink({ channel: 'C0ALERTS', message_ts: ts });
      expect(result.permalink).toBe(`https://warroom.slack.com/archives/C0ALERTS/p${ts.replace('.', '')}`);
      const reply = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'r', thread_ts: ts });
      const replyLink = await slack.client.chat.getPermalink({
        channel: 'C0ALERTS',
        message_ts: reply.ts as string,
      });
      expect(replyLink.permalink).toContain(`?thread_ts=${ts}&cid=C0ALERTS`);
    });

    it('answers message_not_found for an unknown ts', async () => {
      const data = await slackError(
        slack.client.chat.getPermalink({ channel: 'C0ALERTS', message_ts: '1.000002' }),
      );
      expect(data.error).toBe('message_not_found');
    });
  });
});
