import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const clock = new ManualClock(new Date());
let harness: Harness;
let recordArn: string;

beforeAll(async () => {
  harness = await startHarness({ clock });
  recordArn = harness.aws.state.incidents.addIncidentRecord({
    title: 'Orders DB degraded',
    impact: 3,
    responsePlanName: 'db',
  });
  await harness.warroom.settled();
  // An Incident Manager notification names the record: warroom reads it and links the incident.
  const pointer = signedMessage(
    JSON.stringify({ incidentRecordArn: recordArn, note: 'chat channel message' }),
  );
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

function threadReplies(): string[] {
  const card = harness.slack
    .messages(ALERT_CHANNEL)
    .find((message) => !message.thread_ts || message.thread_ts === message.ts);
  return harness.slack
    .messages(ALERT_CHANNEL)
    .filter((message) => message.thread_ts === card?.ts && message.ts !== card?.ts)
    .map((message) => message.text);
}

describe('Incident Manager write-through, seen from Slack', () => {
  it('links the Slack card in Incident Manager as a related item', async () => {
    const incident = await harness.warroom.store.getIncident(1);
    expect(incident?.incidentManagerArn).toBe(recordArn);
    expect(incident?.slackPermalink).toMatch(/^https:\/\/.+\/archives\/C0ALERTS\/p\d+$/);
    const added = harness.aws
      .requestsTo('ssm-incidents', 'UpdateRelatedItems')
      .map((request) => request.input);
    expect(added).toContainEqual(
      expect.objectContaining({
        incidentRecordArn: recordArn,
        relatedItemsUpdate: {
          itemToAdd: expect.objectContaining({
            identifier: { type: 'OTHER', value: { url: incident?.slackPermalink } },
          }),
        },
      }),
    );
  });

  it('says in the card thread, in plain words, when Incident Manager did not take a change, and when it caught up', async () => {
    harness.aws.failNext('ssm-incidents', 'UpdateIncidentRecord', {
      code: 'ThrottlingException',
      message: 'Rate exceeded',
      times: 3,
    });
    const result = await harness.warroom.triage.perform(
      1,
      { kind: 'impact', impact: 2 },
      { userId: 'U0ALICE' },
    );
    expect(result.kind).toBe('changed');
    await harness.warroom.settled();
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(2);
    const pending = await harness.warroom.store.listUnfinishedOutbox(1);
    expect(pending.map((item) => item.write.kind)).toContain('update-record');
    expect(threadReplies().join('\n')).toMatch(
      /Incident Manager did not take the impact\/status change for INC-1: .*throttl/i,
    );

    clock.advance(10 * 60_000);
    await harness.warroom.incidentManager.kick();
    await harness.warroom.settled();
    expect(await harness.warroom.store.listUnfinishedOutbox(1)).toEqual([]);
    const updates = harness.aws
      .requestsTo('ssm-incidents', 'UpdateIncidentRecord')
      .filter((request) => !request.error);
    expect(updates.map((request) => request.input)).toContainEqual(
      expect.objectContaining({ arn: recordArn, impact: 2 }),
    );
    expect(threadReplies().join('\n')).toContain(
      '✅ Incident Manager took the impact/status change for INC-1 after all.',
    );
  });
});
