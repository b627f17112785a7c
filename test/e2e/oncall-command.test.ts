import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const ONCALL_YAML = `oncall:
  rotations:
    primary:
      members: [U0ALICE, U0BOB, U0CAROL]
      shift: 7d
      handoff: "mon 09:00"
      timezone: Europe/Berlin
      start: "2026-01-05"
      overrides:
        - { user: U0DAVE, from: "2026-04-01T09:00:00+02:00", to: "2026-04-02T09:00:00+02:00", reason: dentist }
    db:
      members: [U0ERIN, U0FRANK]
      shift: 12h
      handoff: "08:00"
      timezone: America/New_York
`;

// Sunday 29 March 2026, 12:00 UTC: Berlin has just moved to summer time.
const clock = new ManualClock('2026-03-29T12:00:00Z');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock, yaml: `${defaultYaml()}${ONCALL_YAML}` });
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('/incident oncall', () => {
  it('shows who is on call now and next in one rotation, with the hand-off on the local clock', async () => {
    const { reply, all } = await runIncidentCommand(harness, 'oncall primary', { userId: 'U0BOB' });
    expect(reply.responseType).toBe('ephemeral');
    expect(reply.text).toBe('On call: primary: <@U0CAROL>');
    expect(all).toContain('Now: <@U0CAROL>');
    expect(all).toContain('Next: <@U0ALICE>');
    // Monday 30 March 09:00 CEST is 07:00 UTC.
    const handoff = Date.parse('2026-03-30T07:00:00Z') / 1000;
    expect(all).toContain(`<!date^${handoff}^`);
    expect(all).toContain('Mon 30 Mar 09:00 Europe/Berlin');
  });

  it('shows every rotation when none is named, and an override while it lasts', async () => {
    clock.set('2026-04-01T12:00:00Z');
    const { reply, all } = await runIncidentCommand(harness, 'oncall');
    clock.set('2026-03-29T12:00:00Z');
    expect(reply.text).toBe('On call: primary: <@U0DAVE>, db: <@U0ERIN>');
    expect(all).toContain('Now: <@U0DAVE> · override: dentist');
    expect(all).toContain('America/New_York');
  });

  it('answers an unknown rotation with the usage and the rotations there are', async () => {
    const { reply } = await runIncidentCommand(harness, 'oncall payments');
    expect(reply.text).toBe(
      'There is no rotation `payments`.\nUsage: `/incident oncall [rotation]` — rotations: `primary`, `db`',
    );
  });

  it('is listed in help', async () => {
    const { reply } = await runIncidentCommand(harness, 'help');
    expect(reply.text).toContain('`/incident oncall [rotation]`');
  });
});

describe('/incident oncall without rotations', () => {
  it('points at the YAML key', async () => {
    const bare = await startHarness();
    try {
      const { reply } = await runIncidentCommand(bare, 'oncall');
      expect(reply.text).toContain('No on-call rotation is configured. Add one under `oncall.rotations`');
    } finally {
      await bare.stop();
    }
  });
});
