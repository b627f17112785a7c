import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { ALERT_CHANNEL, type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('the inbox across a restart', () => {
  it('processes on start-up what was stored but not processed when the process died', async () => {
    await harness.stopWarroom();
    // What a process that died right after answering 2xx leaves behind: a stored, pending notification.
    const [alarm] = rdsCpuThenFailover({
      accountId: '123456789012',
      region: 'us-east-1',
      topicArn: TEST_TOPIC_ARN,
      at: new Date(),
    });
    const store = new SqliteStore(join(harness.dir, 'warroom.db'));
    await store.saveNotification({
      messageId: 'left-behind-1',
      topicArn: TEST_TOPIC_ARN,
      subject: alarm?.subject,
      message: alarm?.message ?? '',
      timestamp: new Date(),
      receivedAt: new Date(),
    });
    store.close();

    await harness.startWarroom();
    await harness.warroom.settled();
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.ok)).toHaveLength(1);
    expect(harness.slack.messages(ALERT_CHANNEL)[0]?.text).toContain('CPUUtilization');
    expect(await harness.warroom.store.countNotifications('pending')).toBe(0);
  });
});
