import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import type { StoredMessage } from '../../sandbox/slack/types.ts';
import { readPng } from '../support/read-png.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

const ALARM_AT = new Date('2026-11-22T09:25:00Z');

/** The scenario's CPU alarm and failover, with the DB renamed so each test has its own incident. */
function scenarioFor(db: string, at = ALARM_AT) {
  const [alarm, failover] = rdsCpuThenFailover({
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TEST_TOPIC_ARN,
    at,
  });
  const rename = (message: string) => message.replaceAll('orders-db', db);
  return {
    alarm: signedMessage(rename(alarm!.message), { subject: alarm!.subject }),
    failover: signedMessage(rename(failover!.message), { subject: failover!.subject }),
  };
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

async function deliver(body: string) {
  expect((await harness.postSns(body)).status).toBe(200);
  await harness.warroom.settled();
}

/** The incident's card in the alert channel and the replies in its thread. */
function threadOf(db: string): { card: StoredMessage; replies: StoredMessage[] } {
  const messages = harness.slack.messages(ALERT_CHANNEL);
  const isTopLevel = (m: StoredMessage) => !m.thread_ts || m.thread_ts === m.ts;
  const card = messages.find((m) => isTopLevel(m) && JSON.stringify(m.blocks ?? []).includes(db));
  if (!card) throw new Error(`no card for ${db}`);
  return { card, replies: messages.filter((m) => m.thread_ts === card.ts && m.ts !== card.ts) };
}

const widgetRequests = () => harness.aws.requestsTo('cloudwatch', 'GetMetricWidgetImage');

describe('metric picture end to end: a signed CloudWatch alarm gets its metric as a PNG in the card thread', () => {
  it('shares exactly one PNG of the alarm’s metric, threshold and alarm time into the card’s thread', async () => {
    await deliver(scenarioFor('orders-db').alarm.body);
    const files = harness.slack.files();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ completed: true, filename: expect.stringMatching(/\.png$/) });
    expect(readPng(files[0]!.bytes!)).toMatchObject({ width: 800, height: 400 });

    const { card, replies } = threadOf('orders-db');
    const shared = replies.filter((m) => m.files?.length);
    expect(shared).toHaveLength(1);
    expect(shared[0]?.files).toEqual([expect.objectContaining({ id: files[0]!.id })]);
    expect(shared[0]?.text).toContain('CPUUtilization');
    expect(card.files).toBeUndefined();

    expect(widgetRequests()).toHaveLength(1);
    const input = widgetRequests()[0]?.input as { MetricWidget: string };
    const widget = JSON.parse(input.MetricWidget) as Record<string, unknown>;
    expect(widget).toMatchObject({
      title: 'orders-db-cpu-high',
      metrics: [
        ['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { stat: 'Average', period: 60 }],
      ],
      annotations: {
        horizontal: [{ value: 80, label: 'Threshold 80', fill: 'above' }],
        vertical: [{ value: ALARM_AT.toISOString(), label: 'Alarm' }],
      },
    });
    expect((await harness.warroom.store.getIncident(1))?.metric).toMatchObject({
      kind: 'single',
      threshold: 80,
    });
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((entry) => entry.dedupeKey === 'metric-picture:1')).toHaveLength(1);
  });

  it('uploads nothing new for a second signal on the same incident, nor after a restart', async () => {
    const later = scenarioFor('orders-db', new Date(ALARM_AT.getTime() + 60_000));
    await deliver(later.failover.body);
    await harness.restart();
    await deliver(later.alarm.body);
    expect((await harness.warroom.store.getIncident(1))?.signalCount).toBe(3);
    expect(harness.slack.files()).toHaveLength(1);
    expect(widgetRequests()).toHaveLength(1);
  });

  it('says in the thread, in plain words, when CloudWatch denies the picture, and keeps working', async () => {
    harness.aws.failNext('cloudwatch', 'GetMetricWidgetImage', { code: 'AccessDeniedException' });
    await deliver(scenarioFor('billing-db').alarm.body);
    expect(harness.slack.files()).toHaveLength(1);
    const { replies } = threadOf('billing-db');
    expect(replies.map((m) => m.text)).toEqual([
      expect.stringMatching(
        /^⚠️ Could not draw the alarm's metric: warroom is not allowed .*CloudWatch.*cloudwatch:GetMetricWidgetImage/,
      ),
    ]);
    await deliver(scenarioFor('billing-db', new Date(ALARM_AT.getTime() + 60_000)).failover.body);
    expect((await harness.warroom.store.getIncident(2))?.signalCount).toBe(2);
    expect((await fetch(`${harness.warroom.url}/healthz`)).status).toBe(200);
  });

  it('draws nothing for an incident not opened by an alarm', async () => {
    const before = widgetRequests().length;
    await deliver(scenarioFor('reports-db').failover.body);
    expect((await harness.warroom.store.getIncident(3))?.source).toBe('rds-event');
    expect(widgetRequests()).toHaveLength(before);
    expect(harness.slack.files()).toHaveLength(1);
    expect(threadOf('reports-db').replies).toEqual([]);
  });
});
