import { describe, expect, it } from 'vitest';
import { rotationSchema } from '../../src/config/oncall-schema.ts';
import { buildOnCallMessage, buildUnknownRotationText, formatZoned } from '../../src/paging/oncall-text.ts';

const rotation = rotationSchema.parse({
  members: ['U0ALICE', 'U0BOB'],
  shift: '7d',
  handoff: 'mon 09:00',
  timezone: 'Europe/Berlin',
});

describe('buildOnCallMessage', () => {
  it('has a heading and one section per rotation, with Slack date tokens and the zone', () => {
    const message = buildOnCallMessage([
      {
        name: 'primary',
        rotation,
        onCall: {
          current: {
            userId: 'U0ALICE',
            since: new Date('2026-03-23T08:00:00Z'),
            until: new Date('2026-03-30T07:00:00Z'),
            override: { reason: 'swap <@U0BOB>' },
          },
          next: { userId: 'U0BOB', from: new Date('2026-03-30T07:00:00Z') },
        },
      },
    ]);
    expect(message.text).toBe('On call: primary: <@U0ALICE>');
    expect(message.blocks).toHaveLength(2);
    const body = JSON.stringify(message.blocks[1]);
    expect(body).toContain('*primary* · 7d shifts, hand-off Mon 09:00 Europe/Berlin');
    expect(body).toContain('override: swap &lt;@U0BOB&gt;');
    expect(body).toContain(`<!date^${Date.parse('2026-03-30T07:00:00Z') / 1000}^`);
    expect(body).toContain('Next: <@U0BOB> from');
  });

  it('formats an instant on the rotation clock, naming the zone', () => {
    expect(formatZoned(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin')).toBe(
      'Mon 26 Oct 09:00 Europe/Berlin',
    );
  });

  it('escapes a typed rotation name in the unknown-rotation answer', () => {
    expect(buildUnknownRotationText('<!here>`', ['primary'])).toBe(
      "There is no rotation `&lt;!here&gt;'`.\nUsage: `/incident oncall [rotation]` — rotations: `primary`",
    );
  });
});
