import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

describe('local Slack: conversations.*', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({
      rateLimits: false,
      workspace: {
        channels: [
          { id: 'C0ALERTS', name: 'alerts', members: ['U0WARBOT', 'U0ALICE'] },
          { id: 'C0LOBBY', name: 'lobby', members: ['U0ALICE'] },
          { id: 'G0SECRET', name: 'secret', isPrivate: true, members: ['U0ALICE'] },
        ],
      },
    });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('describes a channel with conversations.info', async () => {
    const result = await slack.client.conversations.info({ channel: 'C0ALERTS' });
    expect(result.channel).toMatchObject({
      id: 'C0ALERTS',
      name: 'alerts',
      is_private: false,
      is_member: true,
    });
    expect((await slackError(slack.client.conversations.info({ channel: 'G0SECRET' }))).error).toBe(
      'channel_not_found',
    );
  });

  describe('conversations.create', () => {
    it('creates a channel with the bot as member', async () => {
      const result = await slack.client.conversations.create({ name: 'inc-42-db-down', is_private: true });
      expect(result.channel).toMatchObject({ name: 'inc-42-db-down', is_private: true, is_member: true });
      const id = result.channel?.id as string;
      expect(slack.emulator.channel(id)).toMatchObject({ isPrivate: true, members: ['U0WARBOT'] });
    });

    it.each([
      ['', 'invalid_name_required'],
      ['x'.repeat(81), 'invalid_name_maxlength'],
      ['Inc-42', 'invalid_name_specials'],
      ['inc 42', 'invalid_name_specials'],
      ['inc.42', 'invalid_name_specials'],
      ['---', 'invalid_name_punctuation'],
      ['alerts', 'name_taken'],
    ])('refuses the name %j with %s', async (name, error) => {
      const data = await slackError(slack.client.apiCall('conversations.create', { name }));
      expect(data.error).toBe(error);
    });

    it('accepts an 80-character name', async () => {
      await expect(slack.client.conversations.create({ name: 'a'.repeat(80) })).resolves.toMatchObject({
        ok: true,
      });
    });
  });

  describe('conversations.invite', () => {
    it('adds users to a channel the bot is in', async () => {
      await slack.client.conversations.invite({ channel: 'C0ALERTS', users: 'U0BOB,U0CAROL' });
      expect(slack.emulator.channel('C0ALERTS')?.members).toEqual([
        'U0WARBOT',
        'U0ALICE',
        'U0BOB',
        'U0CAROL',
      ]);
    });

    it('invites nobody and answers already_in_channel / user_not_found with per-user errors', async () => {
      const already = await slackError(
        slack.client.conversations.invite({ channel: 'C0ALERTS', users: 'U0BOB,U0ALICE' }),
      );
      expect(already).toMatchObject({
        error: 'already_in_channel',
        errors: [{ user: 'U0ALICE', ok: false, error: 'already_in_channel' }],
      });
      expect(slack.emulator.channel('C0ALERTS')?.members).not.toContain('U0BOB');
      const unknown = await slackError(
        slack.client.conversations.invite({ channel: 'C0ALERTS', users: 'U0NOBODY' }),
      );
      expect(unknown.error).toBe('user_not_found');
    });

    it('answers not_in_channel when the bot is not a member', async () => {
      const data = await slackError(
        slack.client.conversations.invite({ channel: 'C0LOBBY', users: 'U0BOB' }),
      );
      expect(data.error).toBe('not_in_channel');
    });
  });

  it('joins a public channel with conversations.join', async () => {
    await slack.client.conversations.join({ channel: 'C0LOBBY' });
    expect(slack.emulator.channel('C0LOBBY')?.members).toContain('U0WARBOT');
    const again = await slack.client.conversations.join({ channel: 'C0LOBBY' });
    expect(again.warning).toBe('already_in_channel');
  });

  it('opens a DM with a person, and answers user_not_found / cannot_dm_bot for nobody or a bot', async () => {
    const opened = await slack.client.conversations.open({ users: 'U0ALICE' });
    expect(opened.channel?.id).toBe('D0ALICE');
    const unknown = await slackError(slack.client.conversations.open({ users: 'U0NOBODY' }));
    expect(unknown.error).toBe('user_not_found');
    const bot = await slackError(slack.client.conversations.open({ users: 'U0WARBOT' }));
    expect(bot.error).toBe('cannot_dm_bot');
  });

  describe('conversations.history', () => {
    it('lists top-level messages newest first', async () => {
      for (const text of ['one', 'two', 'three'])
        await slack.client.chat.postMessage({ channel: 'C0ALERTS', text });
      const first = slack.emulator.messages('C0ALERTS')[0]?.ts as string;
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'reply', thread_ts: first });
      const result = await slack.client.conversations.history({ channel: 'C0ALERTS' });
      expect(result.messages?.map((message) => message.text)).toEqual(['three', 'two', 'one']);
      expect(result.messages?.[2]).toMatchObject({ reply_count: 1, thread_ts: first });
      expect(result.has_more).toBe(false);
    });

    it('returns metadata only with include_all_metadata', async () => {
      const metadata = { event_type: 'incident_card', event_payload: { incident_id: 'INC-42', impact: 2 } };
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card', metadata });
      const withMetadata = await slack.client.conversations.history({
        channel: 'C0ALERTS',
        include_all_metadata: true,
      });
      expect(withMetadata.messages?.[0]?.metadata).toEqual(metadata);
      const without = await slack.client.conversations.history({ channel: 'C0ALERTS' });
      expect(without.messages?.[0]).not.toHaveProperty('metadata');
      expect(slack.emulator.messages('C0ALERTS')[0]?.metadata).toEqual(metadata);
    });

    it('pages with limit and response_metadata.next_cursor', async () => {
      for (let index = 0; index < 7; index += 1) {
        await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: `m${index}` });
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await slack.client.conversations.history({ channel: 'C0ALERTS', limit: 3, cursor });
        pages += 1;
        seen.push(...(page.messages ?? []).map((message) => message.text as string));
        expect(page.has_more).toBe(pages < 3);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(['m6', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    });

    it('answers invalid_cursor for a cursor it did not issue', async () => {
      const data = await slackError(
        slack.client.conversations.history({ channel: 'C0ALERTS', cursor: 'bogus' }),
      );
      expect(data.error).toBe('invalid_cursor');
    });

    it('filters by oldest and latest (exclusive unless inclusive)', async () => {
      for (const text of ['a', 'b', 'c']) {
        await slack.client.chat.postMessage({ channel: 'C0ALERTS', text });
        slack.clock.advance(1000);
      }
      const [a, b, c] = slack.emulator.messages('C0ALERTS').map((message) => message.ts);
      const window = await slack.client.conversations.history({ channel: 'C0ALERTS', oldest: a, latest: c });
      expect(window.messages?.map((message) => message.ts)).toEqual([b]);
      const inclusive = await slack.client.conversations.history({
        channel: 'C0ALERTS',
        oldest: a,
        latest: c,
        inclusive: true,
      });
      expect(inclusive.messages).toHaveLength(3);
    });

    it('answers not_in_channel for a public channel the bot is not in', async () => {
      const data = await slackError(slack.client.conversations.history({ channel: 'C0LOBBY' }));
      expect(data.error).toBe('not_in_channel');
    });
  });

  describe('conversations.replies', () => {
    it('lists the parent then its replies, oldest first', async () => {
      const parent = await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'card' });
      const ts = parent.ts as string;
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'first', thread_ts: ts });
      await slack.client.chat.postMessage({ channel: 'C0ALERTS', text: 'second', thread_ts: ts });
      const result = await slack.client.conversations.replies({ channel: 'C0ALERTS', ts });
      expect(result.messages?.map((message) => message.text)).toEqual(['card', 'first', 'second']);
    });

    it('answers thread_not_found for an unknown ts', async () => {
      const data = await slackError(
        slack.client.conversations.replies({ channel: 'C0ALERTS', ts: '1.000003' }),
      );
      expect(data.error).toBe('thread_not_found');
    });
  });
});
