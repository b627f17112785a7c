import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { threadReplies } from '../support/runbook-interactions.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const clock = new ManualClock(new Date());
let harness: Harness;

// Everyone may approve, so without `automation.approvers` the request would mention nobody.
const yaml = `${defaultYaml()}automation:
  approvers: [S0SRELEADS]
`;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
  harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
  const recordArn = harness.aws.state.incidents.addIncidentRecord({
    title: 'Orders DB degraded',
    impact: 3,
    responsePlanName: 'db',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
  });
  const pointer = signedMessage(`Incident ${recordArn} started from response plan db`, {
    subject: 'Incident Manager',
  });
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('automation.approvers', () => {
  it("a two-person runbook request asks the configured group in the card's thread", async () => {
    const asked = await runIncidentCommand(harness, 'runbook INC-1 stop-instance');
    expect(asked.all).toContain('needs a second person');
    await harness.warroom.settled();
    const card = cardClicker(harness).card(1);
    const request = threadReplies(harness, ALERT_CHANNEL, card.ts).find((message) =>
      message.text.startsWith('Approval needed'),
    );
    expect(request?.text).toContain('<!subteam^S0SRELEADS>');
    expect(JSON.stringify(request?.blocks)).toContain('`runbook` permission: asking <!subteam^S0SRELEADS>.');
  });
});
