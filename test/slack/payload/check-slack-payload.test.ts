import { describe, expect, it } from 'vitest';
import { checkSlackPayload } from '../../../src/slack/payload/check-slack-payload.ts';
import { kindOfSlackBody } from '../../../src/slack/payload/slack-payload-kind.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  brokenShapes,
  reactionAddedEvent,
  viewSubmissionPayload,
} from '../../support/bad-slack-payloads.ts';

const people = {
  userId: 'U0ALICE',
  channelId: 'C0ALERTS',
  responseUrl: 'http://127.0.0.1:9/response/abc',
  triggerId: '1.2.abc',
};

const eventCallback = (event: unknown) => ({
  token: 'x',
  team_id: 'T0WARROOM',
  api_app_id: 'A0WARROOM',
  type: 'event_callback',
  event_id: 'Ev1',
  event_time: 1,
  event,
});

const slashCommand = {
  command: '/incident',
  text: 'list',
  user_id: 'U0ALICE',
  channel_id: 'C0ALERTS',
  team_id: 'T0WARROOM',
  response_url: 'https://hooks.slack.com/commands/T0/1/abc',
  trigger_id: '1.2.abc',
};

const messageShortcut = {
  type: 'message_action',
  callback_id: 'warroom_add_to_timeline',
  trigger_id: '1.2.abc',
  user: { id: 'U0ALICE' },
  team: { id: 'T0WARROOM' },
  channel: { id: 'C0ALERTS' },
  message: { ts: '1.2', text: 'hello' },
  response_url: 'https://hooks.slack.com/actions/T0/1/abc',
};

describe('the check every Slack payload passes before Bolt reads it', () => {
  it('accepts what Slack sends: slash command, click, form, message shortcut, subscribed and other events', () => {
    for (const body of [
      slashCommand,
      blockActionsPayload(people),
      viewSubmissionPayload('U0ALICE'),
      messageShortcut,
      eventCallback(reactionAddedEvent('U0ALICE', 'C0ALERTS')),
      eventCallback(appHomeOpenedEvent('U0ALICE')),
      eventCallback({ type: 'channel_rename', channel: { id: 'C1', name: 'x', created: 1 } }),
      { type: 'view_closed', user: { id: 'U0ALICE' }, team: null, view: { id: 'V1', callback_id: 'x' } },
      { type: 'block_suggestion', user: { id: 'U0ALICE' }, action_id: 'a', block_id: 'b', value: 'q' },
      { type: 'shortcut', callback_id: 'x', trigger_id: '1.2', user: { id: 'U0ALICE' } },
    ]) {
      expect(checkSlackPayload(body)).toMatchObject({ ok: true });
    }
  });

  it.each(brokenShapes(people).map((shape) => [shape.name, shape] as const))(
    'refuses %s, naming the field',
    (_name, shape) => {
      const body = shape.kind === 'event' ? eventCallback(shape.payload) : shape.payload;
      const check = checkSlackPayload(body);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.problem.startsWith(`${shape.problem}: `)).toBe(true);
    },
  );

  it('refuses a body that is not an object, and one Bolt could not sort (it would never be acknowledged)', () => {
    expect(checkSlackPayload(null)).toMatchObject({ ok: false, problem: 'expected an object, got null' });
    expect(checkSlackPayload([1])).toMatchObject({ ok: false, problem: 'expected an object, got array' });
    expect(checkSlackPayload(5)).toMatchObject({ ok: false, problem: 'expected an object, got number' });
    expect(checkSlackPayload({ type: 'app_rate_limited' })).toMatchObject({
      ok: false,
      kind: 'unknown',
      problem: 'not a Slack payload warroom knows',
    });
  });

  it('refuses a slash command without its user, and a response_url that is not an http(s) URL', () => {
    const { user_id: _user, ...noUser } = slashCommand;
    expect(checkSlackPayload(noUser)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^user_id: /),
    });
    expect(checkSlackPayload({ ...slashCommand, response_url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^response_url: /),
    });
    // Form fields repeated become arrays once parsed: not a command anyone typed.
    expect(checkSlackPayload({ ...slashCommand, text: ['a', 'b'] })).toMatchObject({ ok: false });
  });

  it('checks a body as the kind Bolt will take it for: an `event` key wins over `actions`', () => {
    const hybrid = { ...blockActionsPayload(people), event: null };
    expect(kindOfSlackBody(hybrid)).toBe('event');
    expect(checkSlackPayload(hybrid)).toMatchObject({ ok: false, kind: 'event' });
  });

  it('salvages who sent a refused payload: user, channel (or the container’s), response_url', () => {
    const check = checkSlackPayload({ ...blockActionsPayload(people), channel: null });
    expect(check).toMatchObject({
      ok: false,
      sender: { userId: 'U0ALICE', channelId: 'C0ALERTS', responseUrl: people.responseUrl },
    });
    const bare = checkSlackPayload({
      ...blockActionsPayload(people),
      user: 'U0ALICE',
      response_url: 'ftp://x',
    });
    expect(bare).toMatchObject({ ok: false, sender: { userId: undefined, responseUrl: undefined } });
  });
});
