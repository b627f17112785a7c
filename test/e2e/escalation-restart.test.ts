import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { dmsTo, escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
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

const bobPings = async () =>
  (await cardThread(harness, 1)).filter((message) => message.text.includes('<@U0BOB>'));

describe('escalation across a restart', () => {
  it('fires a stage that fell due while warroom was down once after the restart, not twice', async () => {
    const [alarm] = signedOrdersDbScenario(clock.now());
    expect((await harness.postSns(alarm!.body)).status).toBe(200);
    await tickEscalation(harness);
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(1);

    await harness.stopWarroom();
    clock.advance(7 * MINUTE);
    await harness.startWarroom();
    await tickEscalation(harness);
    expect(await bobPings()).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);

    // Another restart and more passes: nothing fires again.
    await harness.restart();
    clock.advance(30 * MINUTE);
    await tickEscalation(harness);
    await tickEscalation(harness);
    expect(await bobPings()).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(1);
    const stages = await harness.warroom.store.escalations.list(1);
    expect(stages.map((stage) => [stage.index, stage.status])).toEqual([
      [0, 'fired'],
      [1, 'fired'],
    ]);
  });
});
