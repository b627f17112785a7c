import type { ManualClock } from '../../src/clock.ts';
import { buildScenarioNotifications, findScenario, loadScenarios } from '../../src/drill/index.ts';
import { tickEscalation } from './escalation-harness.ts';
import { signedMessage } from './sns-scenarios.ts';
import { type Harness, TEST_TOPIC_ARN } from './warroom-harness.ts';

/** The 20-database storm's 40 alarms as signed SNS, each posted when the scenario says. */
export async function sendAlarmStorm(harness: Harness, clock: ManualClock): Promise<void> {
  const scenario = findScenario(loadScenarios(), 'rds-alarm-storm').scenario;
  const start = clock.now();
  const notifications = buildScenarioNotifications(scenario, start, {
    accountId: '123456789012',
    region: 'us-east-1',
    topicArn: TEST_TOPIC_ARN,
  });
  for (const notification of notifications) {
    clock.set(start.getTime() + notification.dueMs);
    const { body } = signedMessage(notification.message, { subject: notification.subject });
    const posted = await harness.postSns(body);
    if (posted.status !== 200) throw new Error(`SNS post answered ${posted.status}`);
    await harness.warroom.settled();
  }
  await tickEscalation(harness);
}
