import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { ACTION_IDS, VIEW_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { cardClickPayload } from '../handlers/actions/slack-interactions.ts';
import { viewSubmissionPayload } from '../support/bad-slack-payloads.ts';
import { postSigned, sendInteraction } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  harness = await startHarness({ start: { logger } });
  clicker = cardClicker(harness);
  const [alarm] = signedOrdersDbScenario();
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

afterEach(() => {
  expect(logLines.filter((line) => Number(line['level']) >= 50)).toEqual([]);
});

/** A click on INC-1's card, as it is in the channel, on a button this warroom no longer has. */
function oldButtonClick(
  responseUrl: string,
  action: Record<string, unknown>,
  message?: Record<string, unknown>,
) {
  const payload = cardClickPayload({
    card: clicker.card(1),
    userId: 'U0ALICE',
    actionId: ACTION_IDS.acknowledge,
    responseUrl,
    triggerId: harness.slack.issueTriggerId('U0ALICE'),
  });
  return {
    ...payload,
    ...(message ? { message } : {}),
    actions: [{ type: 'button', block_id: 'warroom_card_actions_v0', action_ts: '1.000001', ...action }],
  };
}

async function click(payload: object) {
  const started = performance.now();
  const response = await sendInteraction(harness.warroom.url, payload);
  return { status: response.status, body: await response.text(), elapsedMs: performance.now() - started };
}

async function replyTo(responseUrl: string): Promise<string> {
  await expect.poll(() => harness.slack.responses(responseUrl).length).toBe(1);
  const [reply] = harness.slack.responses(responseUrl);
  expect(reply).toMatchObject({ responseType: 'ephemeral', replaceOriginal: false });
  return reply?.text ?? '';
}

describe('a button or form from an older warroom is acknowledged at once and answered', () => {
  it('an unknown button on a card: 200 at once, then the incident as it is now, with a link to its card', async () => {
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    const result = await click(oldButtonClick(responseUrl, { action_id: 'warroom_escalate', value: 'old' }));
    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(1000);
    const text = await replyTo(responseUrl);
    expect(text).toMatch(
      /^This button is from an older version of warroom, so it did nothing\. Here is the incident now: \*INC-1\* · Open · impact \d · \w+ · .+ · <https?:\/\/\S+\|its card>\./,
    );
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('open');
  });

  it('finds the incident from the card’s message ts alone, when the payload carries no blocks', async () => {
    const card = clicker.card(1);
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    await click(
      oldButtonClick(
        responseUrl,
        { action_id: 'incident_ack', value: 'legacy' },
        { type: 'message', ts: card.ts },
      ),
    );
    expect(await replyTo(responseUrl)).toContain('Here is the incident now: *INC-1*');
  });

  it('names an incident warroom no longer has (INC-<n> in the value)', async () => {
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    await click(
      oldButtonClick(
        responseUrl,
        { action_id: 'warroom_old', value: 'INC-99' },
        { type: 'message', ts: '1.1' },
      ),
    );
    expect(await replyTo(responseUrl)).toBe(
      'This button is from an older version of warroom, so it did nothing. INC-99 is not known to this warroom any more; `/incident list` shows the open incidents.',
    );
  });

  it('an unknown button in App Home (no channel, no response_url): acknowledged, nothing to tell', async () => {
    const payload = {
      type: 'block_actions',
      user: { id: 'U0ALICE', team_id: 'T0WARROOM' },
      team: { id: 'T0WARROOM' },
      container: { type: 'view', view_id: 'V0HOME' },
      trigger_id: harness.slack.issueTriggerId('U0ALICE'),
      view: { id: 'V0HOME', callback_id: VIEW_IDS.appHome, type: 'home' },
      actions: [{ type: 'button', action_id: 'warroom_home_refresh', block_id: 'b', action_ts: '1.2' }],
    };
    const before = harness.slack.callsTo('chat.postEphemeral').length;
    const result = await click(payload);
    expect(result).toMatchObject({ status: 200, body: '' });
    expect(result.elapsedMs).toBeLessThan(1000);
    expect(harness.slack.callsTo('chat.postEphemeral')).toHaveLength(before);
  });

  it('a form with an unknown callback_id is answered in the modal itself, with its incident', async () => {
    const payload = viewSubmissionPayload('U0ALICE', 1);
    const view = payload['view'] as Record<string, unknown>;
    const result = await click({ ...payload, view: { ...view, callback_id: 'warroom_postmortem_modal' } });
    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(1000);
    const answer = JSON.parse(result.body) as {
      response_action: string;
      view: { blocks: Array<{ text: { text: string } }> };
    };
    expect(answer.response_action).toBe('update');
    expect(answer.view.blocks[0]?.text.text).toMatch(
      /^This form is from an older version of warroom, so it did nothing\. Here is the incident now: \*INC-1\* · Open/,
    );
  });

  it('a message shortcut warroom no longer has is answered through its response_url', async () => {
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    const result = await click({
      type: 'message_action',
      callback_id: 'warroom_old_shortcut',
      trigger_id: harness.slack.issueTriggerId('U0ALICE'),
      user: { id: 'U0ALICE' },
      team: { id: 'T0WARROOM' },
      channel: { id: ALERT_CHANNEL },
      message: { type: 'message', ts: clicker.card(1).ts, text: 'card' },
      response_url: responseUrl,
    });
    expect(result.status).toBe(200);
    expect(await replyTo(responseUrl)).toMatch(
      /^This shortcut is from an older version of warroom.*\*INC-1\*/,
    );
  });

  it('another slash command is told warroom answers /incident only; a type-ahead gets no options', async () => {
    const form = new URLSearchParams({
      command: '/warroom',
      text: 'ack',
      user_id: 'U0ALICE',
      channel_id: ALERT_CHANNEL,
      response_url: harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL),
      trigger_id: harness.slack.issueTriggerId('U0ALICE'),
    });
    const command = await postSigned(
      harness.warroom.url,
      form.toString(),
      'application/x-www-form-urlencoded',
    );
    expect(await command.json()).toEqual({
      response_type: 'ephemeral',
      text: 'warroom answers `/incident` only; `/warroom` belongs to another app or an older manifest.',
    });
    const suggestion = await click({
      type: 'block_suggestion',
      user: { id: 'U0ALICE' },
      team: { id: 'T0WARROOM' },
      action_id: 'warroom_pick',
      block_id: 'b',
      value: 'ord',
    });
    expect(suggestion).toMatchObject({ status: 200, body: '{"options":[]}' });
  });

  it('a button this warroom has is still answered by its own listener only', async () => {
    const unclaimed = () =>
      logLines.filter((line) => line['msg'] === 'answering a Slack interaction no listener took').length;
    const before = unclaimed();
    const ack = await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.acknowledge);
    expect(ack.status).toBe(200);
    await clicker.settled();
    expect((await harness.warroom.store.getIncident(1))?.status).toBe('acknowledged');
    expect(harness.slack.responses(ack.responseUrl)).toEqual([]);
    expect(unclaimed()).toBe(before);
  });
});
