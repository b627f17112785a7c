import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedMessage } from '../support/sns-scenarios.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let harness: Harness;
let recordArn: string;
let aliceArn: string;

const yaml = `${defaultYaml()}escalation:
  default:
    - after: 0s
      notify: [contact:alice-oncall]
    - after: 5m
      notify: [U0BOB]
`;

const timelineTexts = async (seq: number) =>
  (await harness.warroom.store.listTimeline(seq)).map((entry) => entry.text);

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
  aliceArn = harness.aws.state.contacts.addContact({
    alias: 'alice-oncall',
    displayName: 'Alice Archer',
    type: 'PERSONAL',
    email: 'alice@example.com',
  });
  recordArn = harness.aws.state.incidents.addIncidentRecord({
    title: 'Orders DB degraded',
    impact: 2,
    responsePlanName: 'db',
  });
  // An Incident Manager notification names the record: warroom opens INC-1 linked to it.
  const pointer = signedMessage(JSON.stringify({ incidentRecordArn: recordArn }));
  expect((await harness.postSns(pointer.body)).status).toBe(200);
  await tickEscalation(harness);
});

afterAll(async () => {
  await harness.stop();
});

describe('escalation to an SSM Contacts contact (contact:alice-oncall)', () => {
  it('starts an engagement of the contact with the Incident Manager ARN as IncidentId', async () => {
    expect((await harness.warroom.store.getIncident(1))?.incidentManagerArn).toBe(recordArn);
    const started = harness.aws.requestsTo('ssm-contacts', 'StartEngagement').filter((r) => !r.error);
    expect(started.map((request) => request.input)).toEqual([
      expect.objectContaining({
        ContactId: aliceArn,
        IncidentId: recordArn,
        Sender: 'warroom',
        Subject: expect.stringContaining('INC-1'),
        PublicContent: expect.not.stringContaining('Orders DB'),
      }),
    ]);
    const [engagement] = await harness.warroom.store.engagements.list(1);
    expect(engagement).toMatchObject({
      contactArn: aliceArn,
      contactAlias: 'alice-oncall',
      slackUser: 'U0ALICE',
    });
    // The contact's email names the person in Slack: the thread mentions Alice.
    const thread = (await cardThread(harness, 1)).map((message) => message.text);
    expect(thread.filter((text) => text.includes('<@U0ALICE>') && text.includes('needs you'))).toHaveLength(
      1,
    );
    expect(await timelineTexts(1)).toContain(
      `started an Incident Manager engagement of contact \`alice-oncall\` (${engagement?.engagementArn})`,
    );
  });

  it('shows the accepted page in the thread once, and on the timeline', async () => {
    const [engagement] = await harness.warroom.store.engagements.list(1);
    const [page] = harness.aws.state.contacts.pagesOf(engagement?.engagementArn ?? '');
    clock.advance(MINUTE);
    harness.aws.state.contacts.acceptPage(page?.arn ?? '');
    await tickEscalation(harness);
    clock.advance(MINUTE);
    await tickEscalation(harness);
    const expected = 'Page to `alice-oncall` (<@U0ALICE>) accepted at 09:01 UTC';
    const thread = (await cardThread(harness, 1)).map((message) => message.text);
    expect(thread.filter((text) => text.includes(expected))).toHaveLength(1);
    expect(await timelineTexts(1)).toContain(expected);
    expect(harness.aws.requestsTo('ssm-contacts', 'ListPagesByEngagement').length).toBeGreaterThan(0);
  });

  it('stops the engagement on acknowledge, on the timeline', async () => {
    const [engagement] = await harness.warroom.store.engagements.list(1);
    await harness.warroom.triage.perform(1, { kind: 'acknowledge' }, { userId: 'U0ALICE' });
    await tickEscalation(harness);
    const stops = harness.aws.requestsTo('ssm-contacts', 'StopEngagement').filter((r) => !r.error);
    expect(stops.map((request) => request.input)).toEqual([
      expect.objectContaining({ EngagementId: engagement?.engagementArn }),
    ]);
    expect(
      harness.aws.state.contacts.engagements.get(engagement?.engagementArn ?? '')?.stopTime,
    ).toBeDefined();
    expect(await timelineTexts(1)).toContain(
      'stopped the Incident Manager engagement of contact `alice-oncall`: acknowledged',
    );
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(harness.aws.requestsTo('ssm-contacts', 'StopEngagement')).toHaveLength(1);
  });

  it('acknowledges even when StopEngagement fails, and stops it on a later pass; INC-n without an IM record', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Checkout down',
      impact: 2,
      actor: { userId: 'U0CAROL' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    const last = harness.aws.requestsTo('ssm-contacts', 'StartEngagement').at(-1);
    expect(last?.input).toMatchObject({ ContactId: aliceArn, IncidentId: `INC-${seq}` });

    harness.aws.failNext('ssm-contacts', 'StopEngagement', { code: 'AccessDeniedException', message: 'no' });
    const result = await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0ALICE' });
    expect(result.kind).toBe('changed');
    await harness.warroom.settled();
    const [engagement] = await harness.warroom.store.engagements.list(seq);
    expect(engagement?.stoppedAt).toBeUndefined();
    expect((await harness.warroom.store.getIncident(seq))?.status).toBe('acknowledged');

    await tickEscalation(harness);
    expect((await harness.warroom.store.engagements.list(seq))[0]?.stoppedAt).toBeDefined();
    expect(
      harness.aws.state.contacts.engagements.get(engagement?.engagementArn ?? '')?.stopTime,
    ).toBeDefined();
  });

  it('/incident page contact:<alias> engages the contact and pings its Slack user', async () => {
    const before = harness.aws.requestsTo('ssm-contacts', 'StartEngagement').length;
    const { reply } = await runIncidentCommand(harness, 'page INC-1 contact:alice-oncall', {
      userId: 'U0CAROL',
    });
    expect(reply.text).toBe("INC-1: paged <@U0ALICE> in the card's thread and by DM.");
    await harness.warroom.settled();
    const started = harness.aws.requestsTo('ssm-contacts', 'StartEngagement').slice(before);
    expect(started.filter((r) => !r.error).map((request) => request.input)).toEqual([
      expect.objectContaining({ ContactId: aliceArn, IncidentId: recordArn }),
    ]);
    const thread = (await cardThread(harness, 1)).map((message) => message.text);
    expect(thread.some((text) => text.includes('<@U0ALICE>') && text.includes('paged by <@U0CAROL>'))).toBe(
      true,
    );
  });

  it('/incident page contact:<unknown> says no such contact, in the reply and the thread, and engages nobody', async () => {
    const before = harness.aws.requestsTo('ssm-contacts', 'StartEngagement').length;
    const { reply } = await runIncidentCommand(harness, 'page INC-1 contact:nobody-here', {
      userId: 'U0CAROL',
    });
    expect(reply.text).toBe(
      'INC-1: nobody was paged.\nCould not page contact `nobody-here`: SSM Contacts has no such contact; ' +
        "check the alias or ARN (and warroom's ssm-contacts permissions).",
    );
    await harness.warroom.settled();
    expect(harness.aws.requestsTo('ssm-contacts', 'StartEngagement').length).toBe(before);
    const thread = (await cardThread(harness, 1)).map((message) => message.text);
    expect(
      thread.some((text) =>
        text.includes('Could not page contact `nobody-here`: SSM Contacts has no such contact'),
      ),
    ).toBe(true);
  });

  it('/incident page contact:<alias> that SSM Contacts refuses to engage says so, and still DMs its Slack user', async () => {
    harness.aws.failNext('ssm-contacts', 'StartEngagement', { code: 'AccessDeniedException', message: 'no' });
    const { reply } = await runIncidentCommand(harness, 'page INC-1 contact:alice-oncall', {
      userId: 'U0BOB',
    });
    expect(reply.text).toBe(
      "INC-1: paged <@U0ALICE> in the card's thread and by DM.\nCould not page contact `alice-oncall`: " +
        'SSM Contacts refused the engagement (AWS.ACCESS_DENIED); page them in Slack instead.',
    );
    await harness.warroom.settled();
    expect(await timelineTexts(1)).toContain(
      'page to contact `alice-oncall` failed: engagement-refused (AWS.ACCESS_DENIED)',
    );
    const thread = (await cardThread(harness, 1)).map((message) => message.text);
    expect(thread.some((text) => text.startsWith(':warning: Could not page contact `alice-oncall`'))).toBe(
      true,
    );
  });
});
