import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../sandbox/slack/types.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const APP_TOKEN = 'xapp-1-A0WARROOM-1-e2e';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ env: { SLACK_APP_TOKEN: APP_TOKEN }, appTokens: [APP_TOKEN] });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness?.stop();
});

/** A click on the card's "Open in AWS console" link button, as Slack sends it over the socket. */
function openConsoleClick(card: StoredMessage) {
  const actionBlocks = (card.blocks ?? []).filter((block) => block['type'] === 'actions');
  const found = actionBlocks.flatMap((block) =>
    ((block['elements'] ?? []) as Array<Record<string, unknown>>)
      .filter((element) => element['action_id'] === ACTION_IDS.openConsole)
      .map((button) => ({ button, blockId: block['block_id'] })),
  );
  const [{ button, blockId } = { button: undefined, blockId: undefined }] = found;
  if (!button) throw new Error('the card has no "Open in AWS console" button');
  const { workspace } = harness.slack;
  return {
    type: 'block_actions',
    user: { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: workspace.teamId },
    api_app_id: workspace.appId,
    token: 'verification-token',
    container: { type: 'message', message_ts: card.ts, channel_id: ALERT_CHANNEL, is_ephemeral: false },
    trigger_id: harness.slack.issueTriggerId('U0ALICE'),
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: ALERT_CHANNEL, name: 'alerts' },
    message: { ...card, subtype: 'bot_message' },
    state: { values: {} },
    response_url: `https://hooks.slack.com/actions/${workspace.teamId}/1/local`,
    actions: [{ ...button, block_id: blockId, action_ts: '1763803500.000100' }],
  };
}

describe('Socket Mode end to end: the real warroom connected to the local Slack over a WebSocket', () => {
  it('opens the socket with the app-level token at start-up', () => {
    expect(harness.slack.callsTo('apps.connections.open')).toMatchObject([{ ok: true }]);
    expect(harness.slack.socketConnections()).toBe(1);
  });

  it('still turns a signed SNS notification into a card', async () => {
    const [alarm] = signedOrdersDbScenario(new Date('2026-11-22T09:25:00Z'));
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await harness.warroom.settled();
    // Top-level messages only: the alarm's metric picture is a reply in the card's thread.
    const cards = harness.slack.messages(ALERT_CHANNEL).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.text).toContain('INC-1');
  });

  it('answers POST /slack/events with 404 and says why', async () => {
    const response = await fetch(`${harness.warroom.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'url_verification', challenge: 'c' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: 'not_found',
      message: expect.stringMatching(/Socket Mode/),
    });
  });

  it('acks a click on the card\'s "Open in AWS console" button within Slack\'s 3 seconds', async () => {
    const [card] = harness.slack.messages(ALERT_CHANNEL);
    const click = openConsoleClick(card!);
    const { envelopeId, ack, latencyMs } = await harness.slack.sendSocketEnvelope('interactive', click, {
      timeoutMs: 3000,
    });
    expect(ack).toMatchObject({ envelope_id: envelopeId });
    expect(latencyMs).toBeLessThan(3000);
    // A link button needs nothing but the ack: no message, no modal.
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.ok)).toHaveLength(1);
    expect(harness.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('closes the socket when warroom stops, and opens a new one when it starts again', async () => {
    await harness.stopWarroom();
    expect(harness.slack.socketConnections()).toBe(0);
    await harness.startWarroom();
    expect(harness.slack.socketConnections()).toBe(1);
    expect(harness.slack.callsTo('apps.connections.open')).toHaveLength(2);
  });
});
