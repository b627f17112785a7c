import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { appHomeOpenedEvent, brokenShapes, reactionAddedEvent } from '../support/bad-slack-payloads.ts';
import { postSigned, sendEvent, sendInteraction } from '../support/slack-requests.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;
let listeners: ReturnType<typeof cardClicker>;
const logLines: Array<Record<string, unknown>> = [];
let checkedUpTo = 0;

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  harness = await startHarness({ start: { logger } });
  // Tracks Bolt listeners still running after the ack (settled() waits for them).
  listeners = cardClicker(harness);
  const [alarm] = signedOrdersDbScenario();
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

// Bad input is a warning at most: never an error line, never "unhandled error in a Slack listener".
afterEach(async () => {
  await listeners.settled();
  const lines = logLines.slice(checkedUpTo);
  checkedUpTo = logLines.length;
  expect(lines.filter((line) => Number(line['level']) >= 50)).toEqual([]);
});

const warnings = () =>
  logLines.filter((line) => line['msg'] === 'refused a Slack payload warroom cannot use');

async function expectAlive(): Promise<void> {
  expect((await fetch(`${harness.warroom.url}/healthz`)).status).toBe(200);
}

describe('a signed Slack request whose body is not an object', () => {
  it.each([
    ['JSON null', 'null', 'application/json'],
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a JSON number', '5', 'application/json'],
    ['a JSON array', '[{"type":"block_actions"}]', 'application/json'],
  ])('%s gets a 400 saying what a payload is, and warroom stays up', async (_name, body, contentType) => {
    const response = await postSigned(harness.warroom.url, body, contentType);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'bad_request',
      message: expect.stringMatching(/^a Slack payload is a JSON object or form fields, not /),
    });
    await expectAlive();
  });

  it('is refused 401 when not signed, as every unsigned request is', async () => {
    const response = await postSigned(harness.warroom.url, 'null', 'application/json', {
      secret: 'not-the-secret',
    });
    expect(response.status).toBe(401);
    await expectAlive();
  });

  it('still lets Slack’s unsigned ssl_check through to Bolt', async () => {
    const response = await fetch(`${harness.warroom.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(response.status).toBe(200);
  });
});

describe('a signed Slack payload warroom cannot use', () => {
  it.each(brokenShapes(people()).map((shape) => [shape.name] as const))(
    '%s: 200 at once, a warning naming the field, the sender told where possible',
    async (name) => {
      const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
      const shape = brokenShapes(people(responseUrl)).find((candidate) => candidate.name === name)!;
      const before = warnings().length;
      const started = performance.now();
      const response =
        shape.kind === 'event'
          ? await sendEvent(harness.warroom.url, shape.payload as object)
          : await sendInteraction(harness.warroom.url, shape.payload as object);
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      await harness.warroom.settled();
      expect(warnings().slice(before)).toEqual([
        expect.objectContaining({ problem: expect.stringMatching(new RegExp(`^${shape.problem}: `)) }),
      ]);
      if (shape.tellable) {
        // The answer follows the ack: Slack has its 200 before warroom writes back.
        await expect.poll(() => harness.slack.responses(responseUrl).length).toBe(1);
        expect(harness.slack.responses(responseUrl)).toMatchObject([
          {
            responseType: 'ephemeral',
            replaceOriginal: false,
            text: expect.stringMatching(/^warroom could not read/),
          },
        ]);
      } else {
        expect(harness.slack.responses(responseUrl)).toEqual([]);
      }
      if (name.startsWith('view_submission')) {
        expect(await response.json()).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
      }
      await expectAlive();
    },
  );

  it('a slash command without user_id: 200, no reply anywhere, and the app still answers /incident', async () => {
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    const form = new URLSearchParams({
      command: '/incident',
      text: 'list',
      channel_id: ALERT_CHANNEL,
      response_url: responseUrl,
      trigger_id: harness.slack.issueTriggerId('U0ALICE'),
    });
    const before = warnings().length;
    const refused = await postSigned(
      harness.warroom.url,
      form.toString(),
      'application/x-www-form-urlencoded',
    );
    expect(refused.status).toBe(200);
    expect(await refused.text()).toBe('');
    await harness.warroom.settled();
    expect(warnings().slice(before)).toEqual([
      expect.objectContaining({ type: 'command', problem: expect.stringMatching(/^user_id: /) }),
    ]);
    expect(harness.slack.responses(responseUrl)).toEqual([]);
    form.set('user_id', 'U0ALICE');
    const answered = await postSigned(
      harness.warroom.url,
      form.toString(),
      'application/x-www-form-urlencoded',
    );
    expect(answered.status).toBe(200);
    await harness.warroom.settled();
    await expect.poll(() => harness.slack.responses(responseUrl).length).toBe(1);
    expect(harness.slack.responses(responseUrl)[0]?.text).toBe('1 open incident');
  });

  it('a body Bolt cannot sort (no event, command, actions or view) is acknowledged, not left for 3 s', async () => {
    const started = performance.now();
    const response = await postSigned(
      harness.warroom.url,
      JSON.stringify({ type: 'app_rate_limited' }),
      'application/json',
    );
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts what it refused, by kind of payload', async () => {
    const metrics = await (await fetch(`${harness.warroom.url}/metrics`)).text();
    expect(metrics).toMatch(/warroom_slack_payloads_refused_total\{kind="action"\} [1-9]/);
    expect(metrics).toMatch(/warroom_slack_payloads_refused_total\{kind="view"\} [1-9]/);
    expect(metrics).toMatch(/warroom_slack_payloads_refused_total\{kind="event"\} [1-9]/);
  });
});

describe('a signed event that names something Slack does not have', () => {
  it('a 📌 on a ts that is no message (deleted, or never was) is ignored, not an error', async () => {
    const event = {
      ...reactionAddedEvent('U0ALICE', ALERT_CHANNEL),
      item: { type: 'message', channel: ALERT_CHANNEL, ts: '1.000001' },
    };
    const before = harness.slack.callsTo('conversations.replies').length;
    expect((await sendEvent(harness.warroom.url, event)).status).toBe(200);
    await expect.poll(() => harness.slack.callsTo('conversations.replies').length).toBe(before + 1);
    await listeners.settled();
    expect(harness.slack.callsTo('conversations.replies').at(-1)).toMatchObject({
      ok: false,
      error: 'thread_not_found',
    });
    expect(harness.slack.callsTo('chat.postEphemeral').filter((call) => call.ok)).toEqual([]);
  });

  it('a 📌 in a channel Slack does not have is ignored too', async () => {
    const event = {
      ...reactionAddedEvent('U0ALICE', 'C0NOWHERE'),
      item: { type: 'message', channel: 'C0NOWHERE', ts: '1.000001' },
    };
    const before = harness.slack.callsTo('conversations.history').length;
    expect((await sendEvent(harness.warroom.url, event)).status).toBe(200);
    await expect.poll(() => harness.slack.callsTo('conversations.history').length).toBe(before + 1);
    await listeners.settled();
    expect(harness.slack.callsTo('conversations.history').at(-1)).toMatchObject({
      ok: false,
      error: 'channel_not_found',
    });
  });

  it('the timeline shortcut whose response_url Slack does not know: a warning, not an error', async () => {
    const gone = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL).replace(/[^/]+$/, 'gone');
    const shortcut = {
      type: 'message_action',
      callback_id: 'warroom_add_to_timeline',
      trigger_id: harness.slack.issueTriggerId('U0ALICE'),
      user: { id: 'U0ALICE' },
      team: { id: 'T0WARROOM' },
      channel: { id: ALERT_CHANNEL },
      message: { type: 'message', ts: '1.000002', text: 'not in an incident' },
      response_url: gone,
    };
    expect((await sendInteraction(harness.warroom.url, shortcut)).status).toBe(200);
    await listeners.settled();
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'could not answer the shortcut: its response_url refused the reply',
      }),
    );
  });

  it('App Home opened by a user Slack does not know: a warning with Slack’s answer', async () => {
    expect((await sendEvent(harness.warroom.url, appHomeOpenedEvent('U0NOBODY'))).status).toBe(200);
    await expect
      .poll(() => logLines.some((line) => line['msg'] === 'Slack refused to publish the App Home'))
      .toBe(true);
    expect(logLines.find((line) => line['msg'] === 'Slack refused to publish the App Home')).toMatchObject({
      level: 40,
      code: 'SLACK.INVALID_ARGUMENTS',
      userId: 'U0NOBODY',
    });
  });
});

function people(responseUrl = 'http://127.0.0.1:1/unused') {
  return { userId: 'U0ALICE', channelId: ALERT_CHANNEL, responseUrl, triggerId: `${Date.now()}.1.abc` };
}
