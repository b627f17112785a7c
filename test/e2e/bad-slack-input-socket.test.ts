import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { blockActionsPayload, brokenShapes } from '../support/bad-slack-payloads.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const APP_TOKEN = 'xapp-1-A0WARROOM-1-bad-input';

let harness: Harness;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  harness = await startHarness({
    env: { SLACK_APP_TOKEN: APP_TOKEN },
    appTokens: [APP_TOKEN],
    start: { logger },
  });
  const [alarm] = signedOrdersDbScenario();
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness?.stop();
});

function people(responseUrl: string) {
  return { userId: 'U0ALICE', channelId: ALERT_CHANNEL, responseUrl, triggerId: `${Date.now()}.1.abc` };
}

function eventCallback(event: unknown) {
  return {
    type: 'event_callback',
    team_id: 'T0WARROOM',
    api_app_id: 'A0WARROOM',
    event_id: 'Ev1',
    event_time: 1,
    event,
  };
}

// The local Slack refuses to send an event that is null (no Slack envelope carries one).
const socketShapes = brokenShapes(people('http://127.0.0.1:1/unused')).filter(
  (shape) => shape.payload !== null,
);

describe('Socket Mode: the same check applies to envelopes that arrive over the socket', () => {
  it.each(socketShapes.map((shape) => [shape.name] as const))(
    '%s: acknowledged within 3 s, refused with a warning, the sender told where possible',
    async (name) => {
      const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
      const shape = brokenShapes(people(responseUrl)).find((candidate) => candidate.name === name)!;
      const before = logLines.length;
      const sent =
        shape.kind === 'event'
          ? harness.slack.sendSocketEnvelope('events_api', eventCallback(shape.payload), { timeoutMs: 3000 })
          : harness.slack.sendSocketEnvelope('interactive', shape.payload as object, { timeoutMs: 3000 });
      const { latencyMs, ack } = await sent;
      expect(latencyMs).toBeLessThan(1000);
      if (name.startsWith('view_submission')) {
        expect(ack).toMatchObject({ payload: { response_action: 'update', view: { type: 'modal' } } });
      }
      expect(logLines.slice(before)).toContainEqual(
        expect.objectContaining({
          msg: 'refused a Slack payload warroom cannot use',
          problem: expect.stringMatching(new RegExp(`^${shape.problem}: `)),
        }),
      );
      if (shape.tellable) {
        await expect.poll(() => harness.slack.responses(responseUrl).length).toBe(1);
        expect(harness.slack.responses(responseUrl)[0]?.text).toMatch(/^warroom could not read/);
      }
    },
  );

  it('an unknown button over the socket is acknowledged at once and answered with its incident', async () => {
    const responseUrl = harness.slack.issueResponseUrl('U0ALICE', ALERT_CHANNEL);
    const click = blockActionsPayload(people(responseUrl));
    const { latencyMs } = await harness.slack.sendSocketEnvelope(
      'interactive',
      {
        ...click,
        actions: [{ type: 'button', action_id: 'warroom_old_button', value: 'INC-1', action_ts: '1.1' }],
      },
      { timeoutMs: 3000 },
    );
    expect(latencyMs).toBeLessThan(1000);
    await expect.poll(() => harness.slack.responses(responseUrl).length).toBe(1);
    expect(harness.slack.responses(responseUrl)[0]?.text).toContain('Here is the incident now: *INC-1*');
  });

  it('stays connected and up, and logged nothing at error level', async () => {
    expect(harness.slack.socketConnections()).toBe(1);
    expect((await fetch(`${harness.warroom.url}/healthz`)).status).toBe(200);
    expect(logLines.filter((line) => Number(line['level']) >= 50)).toEqual([]);
  });
});
