import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.ts';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { dmsTo, tickEscalation } from '../support/escalation-harness.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { defaultYaml, type Harness, startHarness } from '../support/warroom-harness.ts';

const MINUTE = 60_000;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
// The emulator's ARNs are deterministic, so the YAML can name the rotation before it is seeded.
const ROTATION_ARN = 'arn:aws:ssm-contacts:us-east-1:123456789012:rotation/primary-rota';
let harness: Harness;

const yaml = `${defaultYaml()}escalation:
  default:
    - after: 0s
      notify: [rotation:primary]
    - after: 15m
      notify: [rotation:primary]
oncall:
  rotations:
    primary: { ssmRotation: "${ROTATION_ARN}" }
    db: { ssmContact: db-schedule }
`;

async function declare(title: string): Promise<number> {
  const declared = await harness.warroom.triage.declare({ title, impact: 2, actor: { userId: 'U0CAROL' } });
  if (declared.kind !== 'declared') throw new Error('not declared');
  await tickEscalation(harness);
  return declared.incident.seq;
}

beforeAll(async () => {
  harness = await startHarness({ clock, yaml });
  const { contacts } = harness.aws.state;
  const alice = contacts.addContact({ alias: 'alice', type: 'PERSONAL', email: 'alice@example.com' });
  const bob = contacts.addContact({ alias: 'bob', type: 'PERSONAL', email: 'bob@example.com' });
  // One-hour shifts that began at 08:10: Alice until 09:10, then Bob.
  const arn = contacts.addRotation({
    name: 'primary-rota',
    contactArns: [alice, bob],
    shiftHours: 1,
    start: new Date('2026-03-02T08:10:00Z'),
  });
  expect(arn).toBe(ROTATION_ARN);
  const dbRota = contacts.addRotation({ name: 'db-rota', contactArns: [bob, alice], shiftHours: 12 });
  contacts.addContact({ alias: 'db-schedule', type: 'ONCALL_SCHEDULE', rotationIds: [dbRota] });
});

afterAll(async () => {
  await harness.stop();
});

describe('rotation:primary read from an SSM Contacts rotation', () => {
  it('DMs the Slack user whose email matches the contact on shift now, then the next one after the hand-off', async () => {
    const seq = await declare('Checkout down');
    const shifts = harness.aws.requestsTo('ssm-contacts', 'ListRotationShifts').filter((r) => !r.error);
    expect(shifts.at(-1)?.input).toMatchObject({ RotationId: ROTATION_ARN });
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(1);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(0);
    expect((await cardThread(harness, seq)).some((m) => m.text.includes('<@U0ALICE>'))).toBe(true);

    clock.advance(15 * MINUTE); // 09:15: past the 09:10 hand-off, stage 2 fires.
    await tickEscalation(harness);
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(1);
    expect(dmsTo(harness, 'U0ALICE')).toHaveLength(1);
  });

  it('/incident oncall primary shows now and next, from Incident Manager Contacts', async () => {
    const { all, reply } = await runIncidentCommand(harness, 'oncall primary');
    expect(reply.text).toBe('On call: primary: <@U0BOB>');
    expect(all).toContain('(from Incident Manager Contacts)');
    expect(all).toContain('Now: <@U0BOB>');
    expect(all).toContain('Next: <@U0ALICE>');
    expect(all).toContain(`<!date^${Date.parse('2026-03-02T10:10:00Z') / 1000}^`);
  });

  it('reads an on-call-schedule contact (ssmContact) through its first rotation', async () => {
    const { reply } = await runIncidentCommand(harness, 'oncall db');
    expect(reply.text).toBe('On call: db: <@U0BOB>');
  });

  it('pings nobody for the rotation when the read fails, and says so in the thread', async () => {
    harness.aws.failNext('ssm-contacts', 'ListRotationShifts', {
      code: 'AccessDeniedException',
      message: 'no',
    });
    const before = dmsTo(harness, 'U0BOB').length;
    const seq = await declare('Search slow');
    expect(dmsTo(harness, 'U0BOB')).toHaveLength(before);
    const thread = (await cardThread(harness, seq)).map((m) => m.text);
    expect(
      thread.some(
        (text) =>
          text.includes('Could not page rotation `primary`: its on-call could not be read') &&
          text.includes('could not read who is on call from Incident Manager Contacts') &&
          text.includes('page a person instead'),
      ),
    ).toBe(true);
    const timeline = (await harness.warroom.store.listTimeline(seq)).map((entry) => entry.text);
    expect(
      timeline.some((text) => text.includes('page to rotation `primary` failed: rotation-unreadable')),
    ).toBe(true);
  });
});
