import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { textState } from '../handlers/actions/slack-interactions.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

let harness: Harness;
let clicker: ReturnType<typeof cardClicker>;
let recordArn: string;

beforeAll(async () => {
  harness = await startHarness();
  clicker = cardClicker(harness);
  harness.aws.state.incidents.addResponsePlan({ name: 'db', title: 'Database incident', impact: 3 });
  recordArn = harness.aws.state.incidents.addIncidentRecord({
    title: 'Orders DB degraded',
    impact: 3,
    responsePlanName: 'db',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
  });
  // A notification naming the record: warroom reads it (GetIncidentRecord) and the incident lives there.
  const pointer = signedMessage(`Incident ${recordArn} started from response plan db`, {
    subject: 'Incident Manager',
  });
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await harness.warroom.settled();
  expect((await harness.warroom.store.getIncident(1))?.incidentManagerArn).toBe(recordArn);
});

afterAll(async () => {
  await harness.stop();
});

function inputs(operation: string): Array<Record<string, unknown>> {
  return harness.aws
    .requestsTo('ssm-incidents', operation)
    .filter((request) => !request.error)
    .map((request) => request.input as Record<string, unknown>);
}

const record = () => harness.aws.state.incidents.incidentRecords.get(recordArn);

describe('card actions on an Incident Manager incident are written through', () => {
  it('50 concurrent Acknowledge clicks: one change, one timeline entry, one CreateTimelineEvent', async () => {
    const card = clicker.card(1);
    const eventsBefore = inputs('CreateTimelineEvent').length;
    const updatesBefore = inputs('UpdateIncidentRecord').length;
    const users = ['U0ALICE', 'U0BOB', 'U0CAROL'];
    const clicks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => clicker.click(card, users[i % 3]!, ACTION_IDS.acknowledge)),
    );
    expect(clicks.map((click) => click.status)).toEqual(Array(50).fill(200));
    await clicker.settled();

    const entries = (await harness.warroom.store.listTimeline(1)).filter((entry) => entry.kind === 'status');
    expect(entries).toHaveLength(1);
    const winner = entries[0]!.actor;
    expect(await harness.warroom.store.getIncident(1)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: winner,
    });
    const replies = clicks.flatMap((click) => clicker.replies(click.responseUrl));
    expect(replies).toHaveLength(49);
    for (const text of replies)
      expect(text).toMatch(new RegExp(`^INC-1 was already acknowledged by <@${winner}> at `));

    const events = inputs('CreateTimelineEvent').slice(eventsBefore);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ incidentRecordArn: recordArn, eventType: 'Custom Event' });
    const names: Record<string, string> = {
      U0ALICE: 'Alice Archer',
      U0BOB: 'Bob Baker',
      U0CAROL: 'Carol Chen',
    };
    expect(String(events[0]!['eventData'])).toContain(`${names[winner]} acknowledged the incident`);
    // Incident Manager only knows OPEN and RESOLVED: acknowledging changes nothing on the record.
    expect(inputs('UpdateIncidentRecord').slice(updatesBefore)).toEqual([]);
    expect(record()?.status).toBe('OPEN');
  });

  it('impact 2 from the menu is acked within 3 s though Incident Manager takes 5 s, then written there', async () => {
    harness.aws.delay('ssm-incidents', 'UpdateIncidentRecord', 5000);
    try {
      const click = await clicker.click(clicker.card(1), 'U0ALICE', ACTION_IDS.impactSelect, { impact: 2 });
      expect(click.status).toBe(200);
      expect(click.elapsedMs).toBeLessThan(3000);
      // Answered before Incident Manager was: the record still has its old impact.
      expect(record()?.impact).toBe(3);
      await clicker.settled();
    } finally {
      harness.aws.delay('ssm-incidents', 'UpdateIncidentRecord', 0);
    }
    expect(inputs('UpdateIncidentRecord')).toContainEqual(
      expect.objectContaining({ arn: recordArn, impact: 2 }),
    );
    expect(inputs('CreateTimelineEvent')).toContainEqual(
      expect.objectContaining({
        incidentRecordArn: recordArn,
        eventData: expect.stringContaining('Alice Archer set the impact to 2 (High)'),
      }),
    );
    expect(record()?.impact).toBe(2);
  }, 20_000);

  it('a note names people in Incident Manager as people, with no Slack markup', async () => {
    const before = inputs('CreateTimelineEvent').length;
    await runIncidentCommand(
      harness,
      'note INC-1 asked <@U0BOB|bob> and <!subteam^S0SRE> to check the replica',
      {
        userId: 'U0CAROL',
      },
    );
    await harness.warroom.settled();
    const events = inputs('CreateTimelineEvent').slice(before);
    expect(events).toHaveLength(1);
    expect(JSON.parse(String(events[0]!['eventData']))).toBe(
      'warroom: Carol Chen added a note: asked Bob Baker and @sre to check the replica',
    );
    // What Incident Manager keeps is what was sent.
    expect(record()?.timeline.at(-1)?.eventData).toBe(events[0]!['eventData']);
  });

  it('resolving from the modal sets the record RESOLVED with the summary', async () => {
    await clicker.click(clicker.card(1), 'U0BOB', ACTION_IDS.resolve);
    await clicker.settled();
    await clicker.submit(clicker.openModal('U0BOB'), 'U0BOB', {
      [BLOCK_IDS.summaryInput]: { [ACTION_IDS.summaryText]: textState('Failed over to the standby') },
    });
    await clicker.settled();
    expect(inputs('UpdateIncidentRecord')).toContainEqual(
      expect.objectContaining({ arn: recordArn, status: 'RESOLVED', summary: 'Failed over to the standby' }),
    );
    expect(record()).toMatchObject({ status: 'RESOLVED', summary: 'Failed over to the standby' });
  });
});
