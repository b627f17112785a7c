import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { sendAlarmStorm } from '../support/alarm-storm.ts';
import { escalationYaml, tickEscalation } from '../support/escalation-harness.ts';
import { ALERT_CHANNEL, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: escalationYaml() });
});

afterAll(async () => {
  await harness.stop();
});

const bobPings = () =>
  harness.slack
    .messages(ALERT_CHANNEL)
    .filter((message) => message.thread_ts && message.text.includes('<@U0BOB>'));

describe('an action on an open storm acknowledges it like any incident', () => {
  it('a note on the storm acknowledges it and every member; the storm’s stage 2 never pages', async () => {
    await sendAlarmStorm(harness, clock);
    const storm = (await harness.warroom.store.listOpenIncidents()).find((incident) => incident.storm)!;
    expect(storm.status).toBe('open');

    const noted = await harness.warroom.triage.perform(
      storm.seq,
      { kind: 'note', text: 'the shared parameter group changed' },
      { userId: 'U0CAROL' },
    );
    expect(noted.kind).toBe('changed');
    await harness.warroom.settled();

    expect(await harness.warroom.store.getIncident(storm.seq)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'U0CAROL',
    });
    const stormTimeline = (await harness.warroom.store.listTimeline(storm.seq)).map((entry) => entry.text);
    expect(stormTimeline).toContain('acknowledged the incident (added a note)');
    for (const seq of storm.storm!.members) {
      expect(await harness.warroom.store.getIncident(seq)).toMatchObject({ status: 'acknowledged' });
      const texts = (await harness.warroom.store.listTimeline(seq)).map((entry) => entry.text);
      expect(texts).toContain(`acknowledged the incident (added a note) (on storm INC-${storm.seq})`);
    }
    const before = bobPings().length;
    clock.advance(10 * MINUTE);
    await tickEscalation(harness);
    expect(bobPings()).toHaveLength(before);
  });
});
