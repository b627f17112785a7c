import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

describe('local Slack: users.* and usergroups.users.list', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({
      rateLimits: false,
      workspace: {
        users: [{ id: 'U0DAVE', name: 'dave', realName: 'Dave Diaz', email: 'Dave@Example.com' }],
        usergroups: [{ id: 'S0DBA', handle: 'dba', users: ['U0DAVE'] }],
      },
    });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('answers users.info for people and for the bot user', async () => {
    const result = await slack.client.users.info({ user: 'U0DAVE' });
    expect(result.user).toMatchObject({
      id: 'U0DAVE',
      name: 'dave',
      real_name: 'Dave Diaz',
      is_bot: false,
      profile: { email: 'Dave@Example.com' },
    });
    const bot = await slack.client.users.info({ user: 'U0WARBOT' });
    expect(bot.user).toMatchObject({ is_bot: true });
  });

  it('lists users in pages with next_cursor, and refuses a cursor it did not issue', async () => {
    const first = await slack.client.users.list({ limit: 1 });
    expect(first.members?.map((user) => user.id)).toEqual(['U0DAVE']);
    const cursor = first.response_metadata?.next_cursor ?? '';
    expect(cursor).not.toBe('');
    const second = await slack.client.users.list({ limit: 1, cursor });
    expect(second.members?.map((user) => user.id)).toEqual(['U0WARBOT']);
    expect(second.response_metadata?.next_cursor).toBe('');
    expect((await slackError(slack.client.users.list({ cursor: 'bm9wZQ==' }))).error).toBe('invalid_cursor');
  });

  it('lists user groups with their handles, and their members only with include_users', async () => {
    const plain = await slack.client.usergroups.list({});
    expect(plain.usergroups).toEqual([
      expect.objectContaining({ id: 'S0DBA', handle: 'dba', user_count: 1 }),
    ]);
    expect(plain.usergroups?.[0]).not.toHaveProperty('users');
    const full = await slack.client.usergroups.list({ include_users: true });
    expect(full.usergroups?.[0]?.users).toEqual(['U0DAVE']);
  });

  it('answers user_not_found for an unknown user', async () => {
    expect((await slackError(slack.client.users.info({ user: 'U0NOBODY' }))).error).toBe('user_not_found');
  });

  it('looks a user up by email, ignoring case, and answers users_not_found otherwise', async () => {
    const result = await slack.client.users.lookupByEmail({ email: 'dave@example.com' });
    expect(result.user?.id).toBe('U0DAVE');
    const data = await slackError(slack.client.users.lookupByEmail({ email: 'nobody@example.com' }));
    expect(data.error).toBe('users_not_found');
  });

  it('lists user-group members and answers no_such_subteam for an unknown group', async () => {
    const result = await slack.client.usergroups.users.list({ usergroup: 'S0DBA' });
    expect(result.users).toEqual(['U0DAVE']);
    const data = await slackError(slack.client.usergroups.users.list({ usergroup: 'S0NOPE' }));
    expect(data.error).toBe('no_such_subteam');
  });

  it('seeds S0SRE = [U0ALICE] by default', async () => {
    const defaults = await startFakeSlack({ rateLimits: false });
    try {
      const result = await defaults.client.usergroups.users.list({ usergroup: 'S0SRE' });
      expect(result.users).toEqual(['U0ALICE']);
    } finally {
      await defaults.emulator.close();
    }
  });
});
