import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { cardClicker } from '../handlers/actions/card-clicks-over-http.ts';
import { escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: escalationYaml() });
  harness.aws.state.rds.addInstance({ id: 'orders-db' });
});

afterAll(async () => {
  await harness.stop();
});

const pingsOf = async (seq: number, userId: string) =>
  (await cardThread(harness, seq)).filter((message) => message.text.includes(`<@${userId}>`));

const timelineTexts = async (seq: number) =>
  (await harness.warroom.store.listTimeline(seq)).map((entry) => `${entry.actor}: ${entry.text}`);

describe('the first thing a responder does on an open incident acknowledges it', () => {
  it('a runbook started on an open incident acknowledges it, saying so, and no stage-2 page goes out', async () => {
    const [alarm] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0ALICE')).toHaveLength(1);

    clock.advance(2 * MINUTE);
    const clicker = cardClicker(harness);
    await clicker.click(clicker.card(1), 'U0CAROL', ACTION_IDS.runRunbook);
    await clicker.settled();
    await clicker.submit(clicker.openModal('U0CAROL'), 'U0CAROL', {});
    await clicker.settled();
    expect(harness.aws.requestsTo('ssm', 'StartAutomationExecution')).toHaveLength(1);
    await tickEscalation(harness);

    expect(await harness.warroom.store.getIncident(1)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'U0CAROL',
    });
    expect(await timelineTexts(1)).toContain(
      'U0CAROL: acknowledged the incident (ran runbook reboot-instance)',
    );
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, 'U0BOB')).toEqual([]);
    expect(await timelineTexts(1)).toContain('warroom: stopped escalating: acknowledged by <@U0CAROL>');
  });

  it('a note on an open incident acknowledges it and stops the escalation', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Checkout slow',
      impact: 3,
      actor: { userId: 'U0DAVE' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0ALICE')).toHaveLength(1);

    clock.advance(MINUTE);
    const noted = await harness.warroom.triage.perform(
      seq,
      { kind: 'note', text: 'looking at the load balancer' },
      { userId: 'U0ERIN' },
    );
    expect(noted.kind).toBe('changed');
    await tickEscalation(harness);
    expect(await harness.warroom.store.getIncident(seq)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'U0ERIN',
    });
    const texts = await timelineTexts(seq);
    expect(texts).toContain('U0ERIN: looking at the load balancer');
    expect(texts).toContain('U0ERIN: acknowledged the incident (added a note)');
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0BOB')).toEqual([]);
    // A second note is only a note.
    await harness.warroom.triage.perform(seq, { kind: 'note', text: 'still looking' }, { userId: 'U0FRANK' });
    expect(
      (await timelineTexts(seq)).filter((text) => text.includes('acknowledged the incident')),
    ).toHaveLength(1);
  });

  it('changing the impact of an open incident acknowledges it', async () => {
    const declared = await harness.warroom.triage.declare({
      title: 'Search errors',
      impact: 3,
      actor: { userId: 'U0DAVE' },
    });
    const seq = declared.kind === 'declared' ? declared.incident.seq : 0;
    await tickEscalation(harness);
    await harness.warroom.triage.perform(seq, { kind: 'impact', impact: 4 }, { userId: 'U0ERIN' });
    await tickEscalation(harness);
    expect(await harness.warroom.store.getIncident(seq)).toMatchObject({ status: 'acknowledged', impact: 4 });
    expect(await timelineTexts(seq)).toContain('U0ERIN: acknowledged the incident (changed the impact)');
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, 'U0BOB')).toEqual([]);
  });
});
