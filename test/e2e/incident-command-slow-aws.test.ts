import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { replyTo, runIncidentCommand, sendIncidentCommand } from '../commands/slash-command-client.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

// Incident Manager answers 5 s late here. Slack gives a slash command 3 s: warroom must ack first
// and let the Incident Manager writes follow on their own.
const AWS_DELAY_MS = 5000;
const SLACK_ACK_LIMIT_MS = 3000;

let harness: Harness;
let recordArn: string;

beforeAll(async () => {
  harness = await startHarness({
    yaml: `${defaultYaml()}incidents:\n  responsePlanArn: arn:aws:ssm-incidents::123456789012:response-plan/db\n`,
  });
  harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
  // An incident that lives in Incident Manager: its record exists there, and an SNS message naming
  // the record's ARN links warroom's incident to it.
  recordArn = harness.aws.state.incidents.addIncidentRecord({ title: 'Orders DB errors', impact: 3 });
  const pointer = signedMessage(`Incident Manager incident ${recordArn} was started.`, {
    subject: 'Incident started',
  });
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await harness.warroom.settled();
  expect((await harness.warroom.store.getIncident(1))?.incidentManagerArn).toBe(recordArn);
});

afterAll(async () => {
  await harness.stop();
});

const record = () => harness.aws.state.incidents.incidentRecords.get(recordArn);

describe('slash commands are acked inside 3 s even when AWS answers slowly', () => {
  it('impact: acks at once, replies at once, and Incident Manager is written when AWS answers', async () => {
    harness.aws.delay('ssm-incidents', 'UpdateIncidentRecord', AWS_DELAY_MS);
    harness.aws.delay('ssm-incidents', 'CreateTimelineEvent', AWS_DELAY_MS);
    const started = performance.now();
    const sent = await sendIncidentCommand(harness, 'impact INC-1 2');
    expect(sent.response.status).toBe(200);
    expect(sent.ackMs).toBeLessThan(SLACK_ACK_LIMIT_MS);
    const reply = await replyTo(harness, sent.responseUrl);
    expect(reply.text).toBe('INC-1: you set the impact to 2 (High) (3 → 2).');
    expect(performance.now() - started).toBeLessThan(SLACK_ACK_LIMIT_MS);
    // Incident Manager has not answered yet: the record still says 3, and show says a write is owed.
    expect(record()?.impact).toBe(3);
    const { all } = await runIncidentCommand(harness, 'show INC-1');
    expect(all).toContain('Incident Manager: linked');
    expect(all).toMatch(/\d writes? pending/);

    await vi.waitFor(() => expect(record()?.impact).toBe(2), { timeout: 3 * AWS_DELAY_MS, interval: 100 });
    const event = record()?.timeline.find((entry) => entry.eventData.includes('set the impact to 2'));
    expect(event?.eventData).toContain('warroom: Alice Archer set the impact');
    await harness.warroom.settled();
    harness.aws.delay('ssm-incidents', 'UpdateIncidentRecord', 0);
    harness.aws.delay('ssm-incidents', 'CreateTimelineEvent', 0);
  }, 30_000);

  it('declare: acks at once with the new id while StartIncident is still on its way', async () => {
    harness.aws.delay('ssm-incidents', 'StartIncident', AWS_DELAY_MS);
    const sent = await sendIncidentCommand(harness, 'declare Payments API failing 1');
    expect(sent.response.status).toBe(200);
    expect(sent.ackMs).toBeLessThan(SLACK_ACK_LIMIT_MS);
    const reply = await replyTo(harness, sent.responseUrl);
    expect(reply.text).toContain('You declared *INC-2*');
    expect(reply.text).toContain('being started in Incident Manager');
    expect((await harness.warroom.store.getIncident(2))?.incidentManagerArn).toBeUndefined();

    await vi.waitFor(
      async () =>
        expect((await harness.warroom.store.getIncident(2))?.incidentManagerArn).toMatch(
          /incident-record\/db\//,
        ),
      { timeout: 3 * AWS_DELAY_MS, interval: 100 },
    );
    harness.aws.delay('ssm-incidents', 'StartIncident', 0);
  }, 30_000);
});

describe('a failed Incident Manager write is visible in /incident show', () => {
  it('shows the write as pending with the error AWS gave, in plain words', async () => {
    harness.aws.failNext('ssm-incidents', 'UpdateIncidentRecord', { code: 'ThrottlingException', times: 20 });
    const { reply } = await runIncidentCommand(harness, 'impact INC-1 4');
    expect(reply.text).toContain('(2 → 4)');
    await vi.waitFor(
      async () =>
        expect((await harness.warroom.store.listUnfinishedOutbox(1)).some((item) => item.lastError)).toBe(
          true,
        ),
      { timeout: 15_000, interval: 100 },
    );
    const { all } = await runIncidentCommand(harness, 'show INC-1');
    expect(all).toMatch(/Incident Manager: linked.*1 write pending, last error: [^"]*throttl/i);
    // The local record is right all along.
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(4);
  }, 30_000);
});
