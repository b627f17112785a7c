import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdsCpuThenFailover } from '../../sandbox/scenarios/rds-cpu-then-failover.ts';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { sendAlarmStorm } from '../support/alarm-storm.ts';
import { escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { type Harness, startHarness, TEST_TOPIC_ARN } from '../support/warroom-harness.ts';

const clock = new ManualClock(new Date('2026-12-07T09:00:00Z'));
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: escalationYaml() });
});

afterAll(async () => {
  await harness.stop();
});

describe('a snoozed storm', () => {
  it("ends its snooze when a member's signal makes the storm worse, and says why", async () => {
    await sendAlarmStorm(harness, clock);
    const open = await harness.warroom.store.listOpenIncidents();
    const storm = open.find((incident) => incident.storm);
    if (!storm) throw new Error('no storm formed');
    expect(storm.impact).toBe(3);
    await runIncidentCommand(harness, `snooze INC-${storm.seq} 1h`, { userId: 'U0ALICE' });
    expect((await harness.warroom.store.getIncident(storm.seq))?.snooze?.by).toBe('U0ALICE');

    // A failover on one member: impact 2 for it, so for the storm too.
    const member = open.find((incident) => incident.stormSeq === storm.seq && incident.resource);
    const failover = rdsCpuThenFailover({
      accountId: '123456789012',
      region: 'us-east-1',
      topicArn: TEST_TOPIC_ARN,
      at: clock.now(),
    })[1];
    const { body } = signedMessage(
      (failover?.message ?? '').replaceAll('orders-db', member?.resource?.id ?? ''),
      {
        subject: failover?.subject,
      },
    );
    expect((await harness.postSns(body)).status).toBe(200);
    await harness.warroom.settled();
    await tickEscalation(harness);

    const after = await harness.warroom.store.getIncident(storm.seq);
    expect(after?.impact).toBe(2);
    expect(after?.snooze).toBeUndefined();
    const timeline = await harness.warroom.store.listTimeline(storm.seq);
    expect(timeline.map((entry) => entry.text)).toContain(
      'snooze ended: a new signal raised the impact to 2 · High; escalation resumes at it',
    );
  });
});
