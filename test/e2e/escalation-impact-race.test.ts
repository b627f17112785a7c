import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Impact } from '../../src/incidents/impact.ts';
import { escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

// default: 0s → U0ALICE, 5m → U0BOB; impact ≤ 2: 0s → U0CAROL; impact 1: 0s → U0DAVE, 10m → U0ERIN.
const yaml = escalationYaml(`  major:
    - after: 0s
      notify: [U0CAROL]
  critical:
    - after: 0s
      notify: [U0DAVE]
    - after: 10m
      notify: [U0ERIN]
escalationRules:
  - when: { impactAtMost: 1 }
    policy: critical
  - when: { impactAtMost: 2 }
    policy: major
`);

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
});

afterAll(async () => {
  await harness.stop();
});

const pingsOf = async (seq: number, mention: string) =>
  (await cardThread(harness, seq)).filter((message) => message.text.includes(mention));

/** What intake's applySignal does when a signal raises the impact; answers the incident as then. */
async function raiseBySignal(seq: number, impact: Impact) {
  const outcome = await harness.warroom.store.mutateIncident(seq, clock.now(), (incident) => ({
    kind: 'changed',
    incident: { ...incident, impact, version: incident.version + 1 },
    entry: { at: clock.now(), kind: 'signal', actor: 'aws:cloudwatch-alarm', text: `impact ${impact}` },
  }));
  if (outcome.kind !== 'changed') throw new Error('not raised');
  return outcome.incident;
}

describe('an impact raise is re-evaluated once', () => {
  it('schedules the new policy once when the same raise is followed twice at the same time', async () => {
    const [cpu] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(cpu!.body)).status).toBe(200);
    await tickEscalation(harness);
    clock.advance(MINUTE);
    const raised = await raiseBySignal(1, 2);
    await Promise.all([
      harness.warroom.escalation.followRaisedImpact(raised),
      harness.warroom.escalation.followRaisedImpact(raised),
    ]);
    await tickEscalation(harness);
    expect(await pingsOf(1, '<@U0CAROL>')).toHaveLength(1);
    const entries = (await harness.warroom.store.listTimeline(1)).filter((entry) =>
      entry.text.startsWith('escalating by policy'),
    );
    expect(entries.map((entry) => entry.text)).toEqual(['escalating by policy major: the impact rose to 2']);
  });

  it('lets a raise the impact has moved past start nothing, even when followed after the newer one', async () => {
    await harness.warroom.triage.perform(1, { kind: 'resolve' }, { userId: 'U0ALICE' });
    clock.advance(MINUTE);
    const [cpu] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(cpu!.body)).status).toBe(200);
    await tickEscalation(harness);
    const seq = Math.max(
      ...(await harness.warroom.store.listOpenIncidents()).map((incident) => incident.seq),
    );
    expect(seq).toBe(2);

    // Two quick raises, 3 → 2 then 2 → 1, whose handlers run in the other order.
    clock.advance(MINUTE);
    const toTwo = await raiseBySignal(seq, 2);
    const toOne = await raiseBySignal(seq, 1);
    await harness.warroom.escalation.followRaisedImpact(toOne);
    await harness.warroom.escalation.followRaisedImpact(toTwo);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0DAVE>')).toHaveLength(1);
    expect(await pingsOf(seq, '<@U0CAROL>')).toEqual([]);
    // The impact-1 policy's later stage is still to come, and comes.
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(await pingsOf(seq, '<@U0ERIN>')).toHaveLength(1);
    expect(await pingsOf(seq, '<@U0BOB>')).toEqual([]);
  });
});
