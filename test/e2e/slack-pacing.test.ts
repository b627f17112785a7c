import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenarioNotifications, findScenario, loadScenarios } from '../../src/drill/index.ts';
import { signedMessage, signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import {
  ALERT_CHANNEL,
  defaultYaml,
  type Harness,
  startHarness,
  TEST_TOPIC_ARN,
} from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  // Slack's limits on real time; every shard its own incident; a failover is critical here.
  harness = await startHarness({
    slackRateLimits: true,
    yaml: `${defaultYaml()}storms:\n  enabled: false\nsignals:\n  - match: rds-event:failover\n    effect: open\n    impact: 1\n`,
  });
});

afterAll(async () => {
  await harness.stop();
});

/** The first CPU alarm of each of `count` shards, as signed SNS. */
function shardAlarms(count: number): string[] {
  const scenario = findScenario(loadScenarios(), 'rds-alarm-storm').scenario;
  const notifications = buildScenarioNotifications(scenario, new Date(), {
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TEST_TOPIC_ARN,
  });
  const seen = new Set<string>();
  const bodies: string[] = [];
  for (const notification of notifications) {
    const shard = /orders-shard-\d+/.exec(notification.message)?.[0];
    if (!shard || seen.has(shard) || seen.size >= count) continue;
    seen.add(shard);
    bodies.push(signedMessage(notification.message, { subject: notification.subject }).body);
  }
  return bodies;
}

describe("warroom's own Slack pace", () => {
  it("posts a critical incident's card before the medium ones asked for earlier, and meets no 429", async () => {
    // Six impact-3 alarms, then an impact-1 failover: one channel's allowance (a post a second,
    // short bursts) cannot take seven cards at once.
    const failover = signedOrdersDbScenario()[1]!.body;
    for (const body of [...shardAlarms(6), failover]) {
      expect((await harness.postSns(body)).status).toBe(200);
    }
    await harness.warroom.settled();
    const open = await harness.warroom.store.listOpenIncidents();
    const critical = open.find((incident) => incident.impact === 1);
    expect(critical?.resource?.id).toBe('orders-db');
    const medium = open.filter((incident) => incident.impact === 3).map((incident) => incident.seq);
    expect(medium).toHaveLength(6);
    // Asked for last (its incident opened last), yet sent before the medium cards still waiting.
    expect(Math.max(...medium)).toBeLessThan(critical!.seq);
    const cards = harness.slack
      .messages(ALERT_CHANNEL)
      .filter((message) => !message.thread_ts)
      .map((message) => Number(/^INC-(\d+)/.exec(message.text)?.[1]));
    const position = (seq: number) => cards.indexOf(seq);
    expect(cards).toHaveLength(7);
    const lastTwoMedium = medium.sort((a, b) => a - b).slice(-2);
    for (const seq of lastTwoMedium) expect(position(critical!.seq)).toBeLessThan(position(seq));
    expect(harness.slack.calls.filter((call) => call.status === 429)).toEqual([]);
  });
});
