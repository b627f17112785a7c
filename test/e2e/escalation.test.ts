import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { dmOpensFor, dmsTo, escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: escalationYaml() });
});

afterAll(async () => {
  await harness.stop();
});

const pingsOf = async (seq: number, userId: string) =>
  (await cardThread(harness, seq)).filter((message) => message.text.includes(`<@${userId}>`));

describe('escalation policy 0s → U0ALICE, 5m → U0BOB', () => {
  it('pings U0ALICE at once when an SNS alarm opens an incident, and U0BOB after 5 min without ack', async () => {
    const [alarm] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await tickEscalation(harness);

    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(1);
    expect(dmOpensFor(harness, 'U0ALICE')).toHaveLength(1);
    const [dm] = dmsTo(harness, 'U0ALICE');
    expect(dm?.text).toContain('INC-1');
    expect(JSON.stringify(dm?.blocks)).toContain(ACTION_IDS.takeIncident);
    expect(await pingsOf(1, 'U0BOB')).toEqual([]);

    clock.advance(4 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0BOB')).toEqual([]);

    clock.advance(MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0BOB')).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);
    // More passes change nothing: each stage fired once.
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(1);
    expect(await pingsOf(1, 'U0BOB')).toHaveLength(1);
    const timeline = await harness.warroom.store.listTimeline(1);
    expect(timeline.filter((entry) => entry.text.startsWith('paged'))).toHaveLength(2);
    await harness.warroom.triage.perform(1, { kind: 'resolve' }, { userId: 'U0ALICE' });
  });

  it('never pings U0BOB when the incident is acknowledged at +3 min', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Checkout down',
      impact: 2,
      actor: { userId: 'U0CAROL' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0ALICE')).toHaveLength(1);
    const bobDms = dmsTo(harness, 'U0BOB').length;

    clock.advance(3 * MINUTE);
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0ALICE' });
    await tickEscalation(harness);
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);

    expect(await pingsOf(seq, 'U0BOB')).toEqual([]);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(bobDms);
    const stages = await harness.warroom.store.escalations.list(seq);
    expect(stages.map((stage) => stage.status)).toEqual(['fired', 'cancelled']);
    const timeline = await harness.warroom.store.listTimeline(seq);
    expect(timeline.some((entry) => entry.text === 'stopped escalating: acknowledged by <@U0ALICE>')).toBe(
      true,
    );
  });

  it('"Take it" in the DM acknowledges, makes the clicker the owner and stops the escalation', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Search slow',
      impact: 3,
      actor: { userId: 'U0CAROL' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    const dm = dmsTo(harness, 'U0ALICE').find((message) => message.text.includes(`INC-${seq}`));
    const clicker = cardClicker(harness);
    const click = await clicker.click({ ...dm!, channel: 'D0ALICE' }, 'U0ALICE', ACTION_IDS.takeIncident);
    expect(click.status).toBe(200);
    await clicker.settled();
    expect(clicker.replies(click.responseUrl)).toEqual([
      `You own INC-${seq} now; the escalation has stopped.`,
    ]);
    const incident = await harness.warroom.store.getIncident(seq);
    expect(incident).toMatchObject({ status: 'acknowledged', owner: 'U0ALICE', acknowledgedBy: 'U0ALICE' });
    clock.advance(6 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0BOB')).toEqual([]);
  });

  it('escalates a reopened incident again from the first stage, timed from the reopen, once', async () => {
    // INC-1 was resolved without anyone acknowledging it: reopening leaves it open and unowned.
    clock.advance(30 * MINUTE);
    const reopened = await harness.warroom.triage.perform(
      1,
      { kind: 'reopen', reason: 'the alarm fired again' },
      { userId: 'U0CAROL' },
    );
    expect(reopened.kind).toBe('changed');
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(2);
    expect(await pingsOf(1, 'U0BOB')).toHaveLength(1);

    // Looking at the open incident again (as every change does) does not start yet another round.
    await harness.warroom.escalation.stopIfHandled((await harness.warroom.store.getIncident(1))!);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(2);

    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0BOB')).toHaveLength(2);
    clock.advance(30 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(2);
    expect(await pingsOf(1, 'U0BOB')).toHaveLength(2);
  });

  it('does not escalate a reopened incident someone had acknowledged: it has an owner', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Search index stale',
      impact: 3,
      actor: { userId: 'U0CAROL' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0CAROL' });
    await harness.warroom.triage.perform(seq, { kind: 'resolve' }, { userId: 'U0CAROL' });
    const alicePings = (await pingsOf(seq, 'U0ALICE')).length;
    await harness.warroom.triage.perform(
      seq,
      { kind: 'reopen', reason: 'the alarm fired again' },
      { userId: 'U0CAROL' },
    );
    expect((await harness.warroom.store.getIncident(seq))?.status).toBe('acknowledged');
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0ALICE')).toHaveLength(alicePings);
    expect(await pingsOf(seq, 'U0BOB')).toEqual([]);
  });

  it("updates the paged person's DM once someone acknowledges: who did it, and no more buttons", async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Payments latency',
      impact: 2,
      actor: { userId: 'U0CAROL' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    const dm = () => dmsTo(harness, 'U0ALICE').find((message) => message.text.includes(`INC-${seq}`));
    expect(JSON.stringify(dm()?.blocks)).toContain(ACTION_IDS.takeIncident);

    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0CAROL' });
    await tickEscalation(harness);
    const blocks = JSON.stringify(dm()?.blocks);
    expect(blocks).not.toContain(ACTION_IDS.takeIncident);
    expect(blocks).not.toContain(ACTION_IDS.acknowledge);
    expect(blocks).toContain('Acknowledged by <@U0CAROL>');
    expect(dm()?.edited).toBeDefined();

    await harness.warroom.triage.perform(seq, { kind: 'resolve' }, { userId: 'U0CAROL' });
    await tickEscalation(harness);
    expect(JSON.stringify(dm()?.blocks)).toContain('Resolved by <@U0CAROL>');
  });
});
