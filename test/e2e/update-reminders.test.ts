import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import type { Impact } from '../../src/incidents/index.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date('2026-12-07T09:00:00Z'));
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: `${defaultYaml()}updates:\n  every: {1: 15m, 2: 30m}\n` });
});

afterAll(async () => {
  await harness.stop();
});

async function declare(title: string, impact: Impact): Promise<number> {
  const result = await harness.warroom.triage.declare({ title, impact, actor: { userId: 'U0ALICE' } });
  if (result.kind !== 'declared') throw new Error(`not declared: ${result.kind}`);
  await harness.warroom.settled();
  return result.incident.seq;
}

/** Moves the clock to `minutes` past 09:00 and runs an escalation pass. */
async function at(minutes: number): Promise<void> {
  clock.set(new Date(Date.parse('2026-12-07T09:00:00Z') + minutes * MINUTE));
  await tickEscalation(harness);
}

const remindersOf = async (seq: number) =>
  (await cardThread(harness, seq))
    .filter((message) => message.text.startsWith(':loudspeaker:'))
    .map((m) => m.text);

describe('updates.every', () => {
  it('reminds the acknowledger once per due period, counts again from an update, and not while snoozed or once resolved', async () => {
    const seq = await declare('Checkout down', 1);
    await harness.warroom.triage.perform(seq, { kind: 'acknowledge' }, { userId: 'U0BOB' });
    await at(14);
    expect(await remindersOf(seq)).toEqual([]);

    await at(15);
    await at(20);
    expect(await remindersOf(seq)).toEqual([
      `:loudspeaker: <@U0BOB> a status update on INC-${seq} is due (every 15 min at impact 1; no update in the 15 min since it opened). Post one with \`/incident update INC-${seq} <text>\` or the card's Post update button.`,
    ]);
    await at(30);
    expect(await remindersOf(seq)).toHaveLength(2);
    const timeline = (await harness.warroom.store.listTimeline(seq)).filter(
      (entry) => entry.actor === 'warroom',
    );
    expect(timeline.map((entry) => entry.text)).toEqual([
      'reminded the owner: a status update is due (no update in the 15 min since it opened)',
      'reminded the owner: a status update is due (no update in the 30 min since it opened)',
    ]);

    await at(32);
    expect(await remindersOf(seq)).toHaveLength(2);
    await runIncidentCommand(harness, `update INC-${seq} Payments provider failing over`, {
      userId: 'U0BOB',
    });
    await at(46);
    expect(await remindersOf(seq)).toHaveLength(2);
    await at(47);
    const third = (await remindersOf(seq))[2];
    expect(third).toContain('(every 15 min at impact 1; last update 15 min ago)');

    await harness.warroom.triage.perform(seq, { kind: 'snooze', forMs: 60 * MINUTE }, { userId: 'U0BOB' });
    await at(75);
    expect(await remindersOf(seq)).toHaveLength(3);

    await harness.warroom.triage.perform(seq, { kind: 'resolve' }, { userId: 'U0BOB' });
    await at(300);
    expect(await remindersOf(seq)).toHaveLength(3);
  });

  it('reminds at the impact’s own pace, and never at an impact without one', async () => {
    const start = 400;
    await at(start);
    const two = await declare('Search slow', 2);
    const three = await declare('Report late', 3);
    await at(start + 29);
    expect(await remindersOf(two)).toEqual([]);
    await at(start + 30);
    expect(await remindersOf(two)).toHaveLength(1);
    // Nobody acknowledged it: the reminder names nobody.
    expect((await remindersOf(two))[0]).toMatch(
      /^:loudspeaker: a status update on INC-\d+ is due \(every 30 min at impact 2;/,
    );
    await at(start + 600);
    expect(await remindersOf(three)).toEqual([]);
  });
});
