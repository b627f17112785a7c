import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/run-sandbox.ts';
import { startWorkspaceUi, type WorkspaceUi } from '../../sandbox/workspace/start-workspace-ui.ts';
import type { Json } from '../../sandbox/workspace/ui-contract.ts';
import {
  cardElement,
  fieldsText,
  startWorkspaceUiHarness,
  theCard,
  until,
  type WorkspaceUiHarness,
} from './workspace-ui-harness.ts';

/**
 * The workspace UI's server against the real sandbox: the page's API calls become Slack requests
 * that warroom verifies and acts on, and what warroom sends back shows up in the snapshot.
 */

let harness: WorkspaceUiHarness;
let sandbox: Sandbox;
let ui: WorkspaceUi;
let post: WorkspaceUiHarness['post'];
let snapshot: WorkspaceUiHarness['snapshot'];

beforeAll(async () => {
  harness = await startWorkspaceUiHarness();
  ({ sandbox, ui, post, snapshot } = harness);
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('the sandbox workspace UI server', () => {
  it('serves the page, its bundled script and the metric picture warroom uploaded', async () => {
    const page = await fetch(ui.url);
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const script = await fetch(new URL('/app.js', ui.url));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
    const image = (await snapshot()).messages['C0ALERTS']?.flatMap((message) => message.files)[0];
    expect(image?.isImage).toBe(true);
    const bytes = Buffer.from(await (await fetch(new URL(image?.url ?? '/', ui.url))).arrayBuffer());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('sends Acknowledge as a signed block_actions that warroom accepts, and the card updates', async () => {
    const card = theCard(await snapshot());
    const before = sandbox.slack.callsTo('chat.update').length;
    const result = await post('/api/block-action', {
      user: 'U0BOB',
      source: { kind: 'message', channel: 'C0ALERTS', key: card.key },
      clicked: {
        blockId: 'warroom_card_actions',
        actionId: 'warroom_acknowledge',
        element: cardElement(card, 'warroom_acknowledge'),
        raw: null,
      },
      state: [],
    });
    expect(result).toEqual({ status: 200, json: { ok: true } });
    const updated = await until(
      async () => theCard(await snapshot()),
      (message) => fieldsText(message).includes('Acknowledged by <@U0BOB>'),
      'the acknowledged card',
    );
    expect(updated.edited).toBe(true);
    expect(sandbox.slack.callsTo('chat.update').length).toBeGreaterThan(before);
  });

  it('opens the resolve modal, shows warroom’s field error, then resolves on a real summary', async () => {
    const card = theCard(await snapshot());
    await post('/api/block-action', {
      user: 'U0ALICE',
      source: { kind: 'message', channel: 'C0ALERTS', key: card.key },
      clicked: {
        blockId: 'warroom_card_actions',
        actionId: 'warroom_resolve',
        element: cardElement(card, 'warroom_resolve'),
        raw: null,
      },
      state: [],
    });
    const opened = await until(
      () => snapshot(),
      (snap) => snap.modals.length === 1,
      'the resolve modal',
    );
    const view = opened.modals[0]?.view as Json;
    const input = (view['blocks'] as Json[]).find((block) => block['type'] === 'input') as Json;
    const value = (text: string) => [
      {
        blockId: input['block_id'],
        actionId: (input['element'] as Json)['action_id'],
        element: input['element'],
        raw: text,
      },
    ];
    const blank = await post('/api/views/submit', {
      user: 'U0ALICE',
      viewId: view['id'],
      values: value('   '),
    });
    expect(blank.json).toEqual({ ok: true });
    expect((await snapshot()).modals[0]?.errors).toEqual({
      [String(input['block_id'])]: expect.stringMatching(/Say what/),
    });
    await post('/api/views/submit', { user: 'U0ALICE', viewId: view['id'], values: value('Failover done.') });
    expect((await snapshot()).modals).toEqual([]);
    await until(
      async () => theCard(await snapshot()),
      (message) => fieldsText(message).includes('Resolved'),
      'resolved',
    );
  });

  it('sends /incident as a slash command whose reply only its author sees', async () => {
    const result = await post('/api/compose', {
      user: 'U0CAROL',
      channel: 'C0ALERTS',
      text: '/incident list',
    });
    expect(result.json).toEqual({ ok: true });
    const reply = await until(
      async () =>
        (await snapshot('U0CAROL')).messages['C0ALERTS']?.filter(
          (message) => message.origin === 'response',
        ) ?? [],
      (replies) => replies.length > 0,
      'the reply to /incident list',
    );
    expect(reply[0]?.onlyVisibleToYou).toBe(true);
    const bobSees = (await snapshot('U0BOB')).messages['C0ALERTS']?.filter(
      (message) => message.origin === 'response',
    );
    expect(bobSees).toEqual([]);
  });

  it('posts plain text as the person, and refuses a command the app does not have', async () => {
    expect(
      (await post('/api/compose', { user: 'U0BOB', channel: 'C0ALERTS', text: 'looking now' })).json,
    ).toEqual({
      ok: true,
    });
    const mine = (await snapshot('U0BOB')).messages['C0ALERTS']?.find(
      (message) => message.text === 'looking now',
    );
    expect(mine).toMatchObject({ user: 'U0BOB', isBot: false, origin: 'history' });
    const unknown = await post('/api/compose', { user: 'U0BOB', channel: 'C0ALERTS', text: '/deploy now' });
    expect(unknown).toEqual({ status: 422, json: { ok: false, message: '/deploy is not a valid command.' } });
  });

  it('sends app_home_opened when Home is opened, and shows the view warroom publishes', async () => {
    expect((await post('/api/home-opened', { user: 'U0ALICE' })).json).toEqual({ ok: true });
    const home = await until(
      () => snapshot(),
      (snap) => snap.home !== undefined,
      'the App Home view',
    );
    expect(home.home).toMatchObject({ type: 'home' });
  });

  it('answers bad requests with what is wrong, before anything reaches warroom', async () => {
    const calls = sandbox.slack.calls.length;
    const bad = await post('/api/block-action', { user: 'alice', source: { kind: 'message' } });
    expect(bad.status).toBe(400);
    expect(bad.json['message']).toMatch(/^bad request to \/api\/block-action: user: a Slack user id/);
    const nobody = await post('/api/compose', { user: 'U0NOBODY', channel: 'C0ALERTS', text: 'hi' });
    expect(nobody).toEqual({
      status: 404,
      json: { ok: false, message: 'no person U0NOBODY in the workspace' },
    });
    expect((await fetch(new URL('/api/snapshot?user=U0WARBOT', ui.url))).status).toBe(400);
    expect(sandbox.slack.calls.length).toBe(calls);
  });

  it('tells browsers about changes over Server-Sent Events', async () => {
    const abort = new AbortController();
    const response = await fetch(new URL('/api/events', ui.url), { signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toMatch(/event: change\ndata: \d+/);
    abort.abort();
  });
});

describe('the sandbox workspace UI server with the wrong signing secret', () => {
  it('reports that warroom refused the request, as Slack shows a failed app', async () => {
    const wrong = await startWorkspaceUi({
      sandbox,
      signingSecret: 'not-the-secret',
      port: 0,
    });
    try {
      const response = await fetch(new URL('/api/home-opened', wrong.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'U0ALICE' }),
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as Json)['message']).toMatch(/^warroom answered HTTP 401/);
    } finally {
      await wrong.close();
    }
  });
});
