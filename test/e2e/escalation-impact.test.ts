import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

// default: 0s → U0ALICE, 5m → U0BOB; impact ≤ 2: 0s → U0CAROL, 10m → the sre group. Channels on.
const yaml = escalationYaml(`  major:
    - after: 0s
      notify: [U0CAROL]
    - after: 10m
      notify: [S0SRE]
escalationRules:
  - when: { impactAtMost: 2 }
    policy: major
`).replace('alertChannel: C0ALERTS', 'alertChannel: C0ALERTS\n  incidentChannels: true');

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
});

afterAll(async () => {
  await harness.stop();
});

const pingsOf = async (seq: number, mention: string) =>
  (await cardThread(harness, seq)).filter((message) => message.text.includes(mention));
const channelsCreated = () => harness.slack.callsTo('conversations.create').length;

describe('raising the impact of an open incident re-evaluates escalationRules', () => {
  it('a signal raising it to 2 starts the impact-≤2 rule’s stages once, from the first, and opens its channel', async () => {
    const [cpu, failover] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(cpu!.body)).status).toBe(200);
    await tickEscalation(harness);
    expect((await harness.warroom.store.getIncident(1))?.impact).toBe(3);
    expect(await pingsOf(1, '<@U0ALICE>')).toHaveLength(1);
    expect(await pingsOf(1, '<@U0CAROL>')).toEqual([]);
    expect(channelsCreated()).toBe(0);

    clock.advance(MINUTE);
    expect((await harness.postSns(failover!.body)).status).toBe(200);
    await tickEscalation(harness);
    await tickEscalation(harness);
    const incident = await harness.warroom.store.getIncident(1);
    expect(incident).toMatchObject({ impact: 2, status: 'open' });
    expect(await pingsOf(1, '<@U0CAROL>')).toHaveLength(1);
    expect(channelsCreated()).toBe(1);
    expect((await harness.warroom.store.getIncident(1))?.channelId).toBeDefined();
    const timeline = (await harness.warroom.store.listTimeline(1)).map((entry) => entry.text);
    expect(timeline).toContain('escalating by policy major: the impact rose to 2');

    // The default policy's 5-minute stage is not paged: the impact-≤2 policy replaced it.
    clock.advance(5 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, '<@U0BOB>')).toEqual([]);

    // The same raise seen again starts nothing new; the second stage comes 10 min after the raise.
    const [, again] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(again!.body)).status).toBe(200);
    await tickEscalation(harness);
    // A further raise under the same policy (as 2 → 1 would be) finds it running.
    await harness.warroom.escalation.followRaisedImpact((await harness.warroom.store.getIncident(1))!);
    await tickEscalation(harness);
    expect(await pingsOf(1, '<@U0CAROL>')).toHaveLength(1);
    expect(await pingsOf(1, '<!subteam^S0SRE>')).toEqual([]);
    clock.advance(4 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, '<!subteam^S0SRE>')).toEqual([]);
    clock.advance(MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(1, '<!subteam^S0SRE>')).toHaveLength(1);
    expect(await pingsOf(1, '<@U0CAROL>')).toHaveLength(1);
    expect(await pingsOf(1, '<@U0ALICE>')).toHaveLength(1);
    expect(channelsCreated()).toBe(1);
  });

  it('lowering the impact never pages', async () => {
    const before = (await cardThread(harness, 1)).length;
    const lowered = await harness.warroom.triage.perform(
      1,
      { kind: 'impact', impact: 4 },
      { userId: 'U0BOB' },
    );
    expect(lowered.kind).toBe('changed');
    for (const minutes of [1, 10, 60]) {
      clock.advance(minutes * MINUTE);
      await tickEscalation(harness);
    }
    const pings = (await cardThread(harness, 1))
      .slice(before)
      .filter((message) => /<@U0|<!subteam/.test(message.text));
    expect(pings).toEqual([]);
    expect(
      (await harness.warroom.store.escalations.list(1)).filter((stage) => stage.status === 'due'),
    ).toEqual([]);
  });

  it('a person raising it has acknowledged it: no page, but the channel it now merits opens', async () => {
    await harness.warroom.triage.perform(1, { kind: 'resolve' }, { userId: 'U0BOB' });
    const [cpu] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(cpu!.body)).status).toBe(200);
    await tickEscalation(harness);
    const seq = Math.max(
      ...(await harness.warroom.store.listOpenIncidents()).map((incident) => incident.seq),
    );
    expect(await harness.warroom.store.getIncident(seq)).toMatchObject({ impact: 3, status: 'open' });
    const channels = channelsCreated();

    await harness.warroom.triage.perform(seq, { kind: 'impact', impact: 1 }, { userId: 'U0BOB' });
    await tickEscalation(harness);
    expect(await harness.warroom.store.getIncident(seq)).toMatchObject({ impact: 1, status: 'acknowledged' });
    expect(channelsCreated()).toBe(channels + 1);
    clock.advance(30 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0CAROL>')).toEqual([]);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);
  });
});
