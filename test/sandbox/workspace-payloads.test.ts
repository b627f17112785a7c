import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slackSignature } from '../../sandbox/workspace/signed-slack-post.ts';
import {
  appHomeOpenedEvent,
  buildEventCallback,
  buildSlashCommandForm,
  parseSlashCommand,
} from '../../sandbox/workspace/slack-command-payloads.ts';
import {
  buildBlockActionsPayload,
  buildViewClosedPayload,
  buildViewSubmissionPayload,
  interactionFormBody,
  type PayloadActor,
} from '../../sandbox/workspace/slack-payloads.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const keys = (value: unknown) => Object.keys(value as object).sort();

const actor: PayloadActor = {
  teamId: 'T0WARROOM',
  teamDomain: 'warroom',
  appId: 'A0WARROOM',
  userId: 'U0ALICE',
  userName: 'alice',
};

const ackButton = {
  type: 'button',
  action_id: 'incident_ack',
  text: { type: 'plain_text', text: 'Acknowledge', emoji: true },
  value: '{"seq":1,"v":3}',
  style: 'primary',
  confirm: { title: { type: 'plain_text', text: 'Sure?' } },
};

describe('sandbox workspace payloads', () => {
  it('builds block_actions from a message with the fields and nesting of Slack’s payload', () => {
    const expected = fixture('slack-block-actions.json');
    const payload = buildBlockActionsPayload({
      actor,
      triggerId: '1.2.abc',
      clicked: { blockId: 'incident_actions', element: ackButton, selection: {} },
      source: {
        kind: 'message',
        channel: { id: 'C0ALERTS', name: 'alerts' },
        messageTs: '1715679070.123459',
        message: { type: 'message', ts: '1715679070.123459', text: 'card', blocks: [] },
        isEphemeral: false,
        responseUrl: 'http://127.0.0.1:1/response/ab',
        stateValues: {},
      },
      actionTs: '1715679102.556677',
    });
    expect(keys(payload)).toEqual(keys(expected));
    expect(keys(payload.container)).toEqual(keys(expected.container));
    expect(keys(payload.user)).toEqual(keys(expected.user));
    expect(keys(payload.team)).toEqual(keys(expected.team));
    const action = (payload.actions as Record<string, unknown>[])[0];
    expect(keys(action)).toEqual(keys((expected.actions as unknown[])[0]));
    // Slack never echoes the confirm object in the action.
    expect(action).toEqual({
      action_id: 'incident_ack',
      block_id: 'incident_actions',
      text: ackButton.text,
      value: ackButton.value,
      style: 'primary',
      type: 'button',
      action_ts: '1715679102.556677',
    });
  });

  it('builds block_actions from a modal with the view and its state, and no message or response_url', () => {
    const stateValues = { choice: { pick: { type: 'static_select', selected_option: { value: 'a' } } } };
    const payload = buildBlockActionsPayload({
      actor,
      triggerId: '1.2.abc',
      clicked: {
        blockId: 'choice',
        element: { type: 'static_select', action_id: 'pick', options: [] },
        selection: stateValues.choice.pick,
      },
      source: { kind: 'view', view: { id: 'V1', hash: 'h', state: { values: {} } }, stateValues },
      actionTs: '1.000001',
    });
    expect(payload.container).toEqual({ type: 'view', view_id: 'V1' });
    expect((payload.view as Record<string, unknown>).state).toEqual({ values: stateValues });
    expect(payload).not.toHaveProperty('message');
    expect(payload).not.toHaveProperty('response_url');
    expect((payload.actions as unknown[])[0]).toMatchObject({
      type: 'static_select',
      selected_option: { value: 'a' },
    });
  });

  it('builds view_submission with the top-level fields of Slack’s and the person’s input in view.state', () => {
    const expected = fixture('slack-view-submission.json');
    const view = expected.view as Record<string, unknown>;
    const values = { resolution: { resolution_text: { type: 'plain_text_input', value: 'Fixed.' } } };
    const payload = buildViewSubmissionPayload({ actor, triggerId: '1.2.abc', view, stateValues: values });
    expect(keys(payload)).toEqual(keys(expected));
    expect(keys(payload.view)).toEqual(keys(view));
    expect((payload.view as Record<string, unknown>).state).toEqual({ values });
    const closed = buildViewClosedPayload({ actor, view, stateValues: {}, isCleared: false });
    expect(closed).toMatchObject({ type: 'view_closed', is_cleared: false, user: { id: 'U0ALICE' } });
  });

  it('builds a slash command with every form field of Slack’s but the enterprise ones', () => {
    const expected = fixture('slack-slash-command.json');
    const form = buildSlashCommandForm({
      actor,
      channel: { id: 'C0ALERTS', name: 'alerts' },
      command: '/incident',
      text: 'ack 1',
      responseUrl: 'http://127.0.0.1:1/response/ab',
      triggerId: '1.2.abc',
    });
    const fields = [...form.keys()].sort();
    expect(fields).toEqual(keys(expected).filter((key) => !key.startsWith('enterprise_')));
    expect(form.get('text')).toBe('ack 1');
    expect(parseSlashCommand('  /Incident   note 3 it is fine ')).toEqual({
      command: '/incident',
      text: 'note 3 it is fine',
    });
    expect(parseSlashCommand('no command here')).toBeUndefined();
  });

  it('wraps events in an event_callback envelope', () => {
    const envelope = buildEventCallback({
      teamId: 'T0WARROOM',
      appId: 'A0WARROOM',
      event: appHomeOpenedEvent({ userId: 'U0ALICE', channel: 'D0ALICE', eventTs: '1.000001' }),
      eventId: 'Ev1',
      eventTime: 1,
    });
    expect(envelope).toMatchObject({
      type: 'event_callback',
      team_id: 'T0WARROOM',
      api_app_id: 'A0WARROOM',
      event_id: 'Ev1',
      event: { type: 'app_home_opened', user: 'U0ALICE', tab: 'home' },
    });
  });

  it('signs exactly as Slack’s documented example', () => {
    const example = fixture('slack-signing-example.json');
    const headers = example.headers as Record<string, string>;
    const signature = slackSignature(
      String(example.signing_secret),
      Number(headers['X-Slack-Request-Timestamp']),
      String(example.raw_body),
    );
    expect(signature).toBe(headers['X-Slack-Signature']);
    expect(interactionFormBody({ type: 'x' })).toBe('payload=%7B%22type%22%3A%22x%22%7D');
  });
});
