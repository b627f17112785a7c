import type { ModalView } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, slackError, startFakeSlack } from './fake-slack.ts';

const modal = (title = 'Declare incident'): ModalView => ({
  type: 'modal',
  callback_id: 'declare',
  title: { type: 'plain_text', text: title },
  submit: { type: 'plain_text', text: 'Declare' },
  private_metadata: JSON.stringify({ channel: 'C0ALERTS' }),
  blocks: [
    {
      type: 'input',
      block_id: 'title',
      label: { type: 'plain_text', text: 'Title' },
      element: { type: 'plain_text_input', action_id: 'value' },
    },
  ],
});

describe('local Slack: views.*', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack({ rateLimits: false });
  });
  afterEach(async () => {
    await slack.emulator.close();
  });

  it('opens a modal with a fresh trigger and stores it for the user', async () => {
    const trigger = slack.emulator.issueTriggerId('U0ALICE');
    const result = await slack.client.views.open({ trigger_id: trigger, view: modal() });
    expect(result.view).toMatchObject({ type: 'modal', callback_id: 'declare', team_id: 'T0WARROOM' });
    expect(result.view?.id).toBe(result.view?.root_view_id);
    expect(slack.emulator.views('U0ALICE')).toEqual([expect.objectContaining({ id: result.view?.id })]);
  });

  it('answers invalid_trigger_id, exchanged_trigger_id and expired_trigger_id', async () => {
    expect((await slackError(slack.client.views.open({ trigger_id: '1.2.3', view: modal() }))).error).toBe(
      'invalid_trigger_id',
    );
    const used = slack.emulator.issueTriggerId('U0ALICE');
    await slack.client.views.open({ trigger_id: used, view: modal() });
    expect((await slackError(slack.client.views.open({ trigger_id: used, view: modal() }))).error).toBe(
      'exchanged_trigger_id',
    );
    const late = slack.emulator.issueTriggerId('U0ALICE');
    slack.clock.advance(3001);
    expect((await slackError(slack.client.views.open({ trigger_id: late, view: modal() }))).error).toBe(
      'expired_trigger_id',
    );
  });

  it('accepts a trigger used exactly 3 seconds after issue', async () => {
    const trigger = slack.emulator.issueTriggerId('U0ALICE');
    slack.clock.advance(3000);
    await expect(slack.client.views.open({ trigger_id: trigger, view: modal() })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('answers invalid_arguments with json-pointer messages for a bad view', async () => {
    const trigger = slack.emulator.issueTriggerId('U0ALICE');
    const data = await slackError(
      slack.client.views.open({ trigger_id: trigger, view: modal('A title far too long for Slack') }),
    );
    expect(data).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: {
        messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
      },
    });
    // A refused view does not use the trigger up.
    await expect(slack.client.views.open({ trigger_id: trigger, view: modal() })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('pushes up to three modals and answers push_limit_reached after', async () => {
    const root = await slack.client.views.open({
      trigger_id: slack.emulator.issueTriggerId('U0BOB'),
      view: modal(),
    });
    const second = await slack.client.views.push({
      trigger_id: slack.emulator.issueTriggerId('U0BOB'),
      view: modal('Second'),
    });
    expect(second.view).toMatchObject({ root_view_id: root.view?.id, previous_view_id: root.view?.id });
    await slack.client.views.push({
      trigger_id: slack.emulator.issueTriggerId('U0BOB'),
      view: modal('Third'),
    });
    const data = await slackError(
      slack.client.views.push({ trigger_id: slack.emulator.issueTriggerId('U0BOB'), view: modal('Fourth') }),
    );
    expect(data.error).toBe('push_limit_reached');
    expect(slack.emulator.views('U0BOB')).toHaveLength(3);
  });

  it('updates a view by id, checks the hash, and answers not_found for unknown ids', async () => {
    const opened = await slack.client.views.open({
      trigger_id: slack.emulator.issueTriggerId('U0ALICE'),
      view: { ...modal(), external_id: 'declare-1' },
    });
    const view = opened.view as { id: string; hash: string };
    const updated = await slack.client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: modal('Updated'),
    });
    expect(updated.view?.title).toMatchObject({ text: 'Updated' });
    const stale = await slackError(
      slack.client.views.update({ view_id: view.id, hash: view.hash, view: modal() }),
    );
    expect(stale.error).toBe('hash_conflict');
    const byExternal = await slack.client.views.update({ external_id: 'declare-1', view: modal('Again') });
    expect(byExternal.view?.id).toBe(view.id);
    expect((await slackError(slack.client.views.update({ view_id: 'V0NOPE', view: modal() }))).error).toBe(
      'not_found',
    );
  });

  it('publishes an App Home view and refuses a modal there', async () => {
    const home = {
      type: 'home' as const,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Open*' } }],
    };
    const result = await slack.client.views.publish({ user_id: 'U0CAROL', view: home });
    expect(result.view).toMatchObject({ type: 'home' });
    expect(slack.emulator.views('U0CAROL')).toEqual([expect.objectContaining({ type: 'home' })]);
    const wrongType = await slackError(
      slack.client.apiCall('views.publish', { user_id: 'U0CAROL', view: modal() }),
    );
    expect(wrongType.error).toBe('invalid_arguments');
    const unknownUser = await slackError(slack.client.views.publish({ user_id: 'U0NOBODY', view: home }));
    expect(unknownUser.response_metadata?.messages).toEqual(['[ERROR] invalid `user_id`']);
  });
});
