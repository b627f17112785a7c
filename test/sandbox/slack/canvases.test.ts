import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

const content = (markdown: string) => ({ type: 'markdown' as const, markdown });

describe('local Slack: canvases', () => {
  let slack: FakeSlack;
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('creates one channel canvas per channel and replaces its content with canvases.edit', async () => {
    slack = await startFakeSlack({ rateLimits: false });
    const created = await slack.client.conversations.canvases.create({
      channel_id: 'C0ALERTS',
      title: 'Review INC-1',
      document_content: content('# Review\n'),
    });
    expect(created.canvas_id).toMatch(/^F/);
    const again = await slackError(slack.client.conversations.canvases.create({ channel_id: 'C0ALERTS' }));
    expect(again.error).toBe('channel_canvas_already_exists');
    await slack.client.canvases.edit({
      canvas_id: created.canvas_id as string,
      changes: [{ operation: 'replace', document_content: content('# Review, again\n') }],
    });
    expect(slack.emulator.canvases()).toEqual([
      expect.objectContaining({
        id: created.canvas_id,
        title: 'Review INC-1',
        markdown: '# Review, again\n',
        channelId: 'C0ALERTS',
        isChannelCanvas: true,
      }),
    ]);
  });

  it('refuses what Slack refuses: no scope, bad content, unknown canvas, unknown section, a channel it cannot see', async () => {
    slack = await startFakeSlack({ rateLimits: false, scopes: ['chat:write'] });
    expect((await slackError(slack.client.canvases.create({ title: 'x' }))).error).toBe('missing_scope');
    await slack.emulator.close();
    slack = await startFakeSlack({ rateLimits: false });
    const bad = await slackError(
      slack.client.canvases.create({ document_content: { type: 'html', markdown: 'x' } as never }),
    );
    expect(bad.error).toBe('invalid_arguments');
    const missing = await slackError(
      slack.client.canvases.edit({
        canvas_id: 'F0NOPE',
        changes: [{ operation: 'replace', document_content: content('x') }],
      }),
    );
    expect(missing.error).toBe('canvas_not_found');
    const { canvas_id: id } = await slack.client.canvases.create({ title: 'standalone' });
    const section = await slackError(
      slack.client.canvases.edit({
        canvas_id: id as string,
        changes: [{ operation: 'replace', section_id: 'temp:C:nope', document_content: content('x') }],
      }),
    );
    expect(section.error).toBe('canvas_editing_failed');
    expect(
      (await slackError(slack.client.conversations.canvases.create({ channel_id: 'C0NOPE' }))).error,
    ).toBe('channel_not_found');
  });

  it('shares a standalone canvas with a channel (canvases.access.set), channels or users but not both', async () => {
    slack = await startFakeSlack({ rateLimits: false });
    const { canvas_id: id } = await slack.client.canvases.create({
      title: 'Review',
      document_content: content('x'),
    });
    const both = await slackError(
      slack.client.canvases.access.set({
        canvas_id: id as string,
        access_level: 'read',
        channel_ids: ['C0ALERTS'],
        user_ids: ['U0ALICE'],
      }),
    );
    expect(both.error).toBe('invalid_arguments');
    await slack.client.canvases.access.set({
      canvas_id: id as string,
      access_level: 'read',
      channel_ids: ['C0ALERTS'],
    });
    expect(slack.emulator.canvases()[0]?.access.get('C0ALERTS')).toBe('read');
  });

  it('on a free plan refuses channel canvases and untabbed standalone ones; with canvases off, everything', async () => {
    slack = await startFakeSlack({ rateLimits: false, workspace: { canvases: 'free' } });
    expect(
      (await slackError(slack.client.conversations.canvases.create({ channel_id: 'C0ALERTS' }))).error,
    ).toBe('team_tier_cannot_create_channel_canvases');
    expect((await slackError(slack.client.canvases.create({ title: 'x' }))).error).toBe(
      'free_teams_cannot_create_non_tabbed_canvases',
    );
    await slack.emulator.close();
    slack = await startFakeSlack({ rateLimits: false, workspace: { canvases: 'disabled' } });
    expect((await slackError(slack.client.canvases.create({ channel_id: 'C0ALERTS' }))).error).toBe(
      'canvas_disabled_user_team',
    );
  });
});
