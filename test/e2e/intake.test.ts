import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

function posts() {
  return harness.slack.callsTo('chat.postMessage').filter((call) => call.ok);
}

function updates() {
  return harness.slack.callsTo('chat.update').filter((call) => call.ok);
}

describe('intake end to end: signed SNS in, one Slack card per problem out', () => {
  const [alarm, failover] = signedOrdersDbScenario(new Date('2026-11-22T09:25:00Z'));

  it('posts exactly one card for a signed CloudWatch alarm on orders-db', async () => {
    const response = await harness.postSns(alarm!.body);
    expect(response.status).toBe(200);
    await harness.warroom.settled();
    expect(posts()).toHaveLength(1);
    const [card] = harness.slack.messages(ALERT_CHANNEL);
    expect(card?.text).toContain('INC-1');
    expect(JSON.stringify(card?.blocks)).toContain('orders-db');
  });

  it('changes nothing when SNS redelivers the same MessageId', async () => {
    const callsBefore = harness.slack.calls.length;
    const response = await harness.postSns(alarm!.body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: true });
    await harness.warroom.settled();
    expect(harness.slack.calls.length).toBe(callsBefore);
    // Signals only: warroom's own note of the metric picture is on the timeline too.
    expect((await harness.warroom.store.listTimeline(1)).filter((entry) => entry.signalType)).toHaveLength(1);
  });

  it('updates the same card for an RDS event about the same DB, with a timeline entry and no new post', async () => {
    const response = await harness.postSns(failover!.body);
    expect(response.status).toBe(200);
    await harness.warroom.settled();
    expect(posts()).toHaveLength(1);
    expect(updates()).toHaveLength(1);
    const card = harness.slack.messages(ALERT_CHANNEL)[0];
    expect(JSON.stringify(card?.blocks)).toContain('Multi-AZ instance failover completed');
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.flatMap((entry) => entry.signalType ?? [])).toEqual([
      'cloudwatch-alarm:ALARM',
      'rds-event:failover',
    ]);
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(2);
  });

  it('posts an unknown JSON message as a clearly labelled raw card', async () => {
    const unknown = signedMessage(JSON.stringify({ hello: 'from a custom script', level: 'weird' }), {
      subject: 'Nightly job',
    });
    expect((await harness.postSns(unknown.body)).status).toBe(200);
    await harness.warroom.settled();
    expect(posts()).toHaveLength(2);
    const raw = harness.slack.messages(ALERT_CHANNEL).find((message) => message.text.includes('INC-2'));
    expect(JSON.stringify(raw?.blocks)).toContain('Unrecognised message, shown raw');
    expect(JSON.stringify(raw?.blocks)).toContain('from a custom script');
  });

  it('counts what it received, verified, rejected and opened in /metrics', async () => {
    const text = await (await fetch(`${harness.warroom.url}/metrics`)).text();
    expect(text).toMatch(/warroom_sns_notifications_received_total \d+/);
    expect(text).toContain('warroom_sns_notifications_verified_total{type="Notification"} 4');
    expect(text).toContain('warroom_sns_notifications_duplicate_total 1');
    expect(text).toContain('warroom_incidents_opened_total{source="cloudwatch-alarm"} 1');
    expect(text).toMatch(/warroom_slack_calls_total\{method="chat.postMessage",outcome="ok"\} 2/);
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${harness.warroom.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${harness.warroom.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: true, slackAuth: true } });
    expect((await fetch(`${harness.warroom.url}/nope`)).status).toBe(404);
  });
});
