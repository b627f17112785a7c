import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';
import type { RotationConfig } from '../../src/paging/rotation.ts';
import { withoutLine } from './without-line.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

function load(oncall: string) {
  const yaml = `slack:\n  alertChannel: C0123ALERTS\noncall:\n${oncall}`;
  const files: ConfigFiles = {
    exists: (path) => path === '/etc/warroom.yml',
    read: () => yaml,
    isDirectory: () => false,
  };
  return loadConfig(env, files);
}

function primary(fields: string): string {
  return `  rotations:\n    primary:\n${fields}`;
}

const good = `      members: [U0ALICE, U0BOB]
      shift: 7d
      handoff: "mon 09:00"
      timezone: Europe/Berlin
`;

// Where each problem is in the file is tested in load-config.test.ts; here, what it says.
function problemsOf(result: ReturnType<typeof load>): string[] {
  return result.ok ? [] : result.problems.map(withoutLine);
}

describe('oncall: in the YAML config', () => {
  it('reads the example from the design into a typed rotation, with the default start', () => {
    const result = load(primary(good));
    expect(result.ok && result.config.oncall.rotations).toEqual({
      primary: {
        members: ['U0ALICE', 'U0BOB'],
        shift: { amount: 7, unit: 'd' },
        handoff: { weekday: 1, hour: 9, minute: 0 },
        timezone: 'Europe/Berlin',
        start: '2024-01-01',
        overrides: [],
      },
    });
  });

  it('has no rotations when the key is left out', () => {
    const result = loadConfig(env, {
      exists: () => true,
      read: () => 'slack:\n  alertChannel: C0123ALERTS\n',
      isDirectory: () => false,
    });
    expect(result.ok && result.config.oncall).toEqual({ rotations: {} });
  });

  it('reads overrides as instants', () => {
    const result = load(
      primary(`${good}      overrides:
        - { user: U0CAROL, from: "2026-03-25T12:00:00+01:00", to: "2026-03-27T18:00:00+01:00", reason: holiday }
`),
    );
    expect(
      result.ok && (result.config.oncall.rotations.primary as RotationConfig | undefined)?.overrides,
    ).toEqual([
      {
        user: 'U0CAROL',
        from: new Date('2026-03-25T11:00:00Z'),
        to: new Date('2026-03-27T17:00:00Z'),
        reason: 'holiday',
      },
    ]);
  });

  it('names a time zone Intl does not know', () => {
    const result = load(primary(good.replace('Europe/Berlin', 'Europe/Berlinn')));
    expect(problemsOf(result)).toEqual([
      'oncall.rotations.primary.timezone: expected an IANA time zone such as Europe/Berlin',
    ]);
  });

  it('names a shift that is not a duration', () => {
    const result = load(primary(good.replace('shift: 7d', 'shift: 1 week')));
    expect(problemsOf(result)).toEqual([
      'oncall.rotations.primary.shift: expected a shift length such as 7d, 1d or 12h',
    ]);
  });

  it('names an empty member list', () => {
    const result = load(primary(good.replace('[U0ALICE, U0BOB]', '[]')));
    expect(problemsOf(result)).toEqual([
      'oncall.rotations.primary.members: expected at least one Slack user id',
    ]);
  });

  it('names a bad hand-off, and a weekday on a shift that is not whole weeks', () => {
    expect(problemsOf(load(primary(good.replace('"mon 09:00"', '"monday 9am"'))))).toEqual([
      'oncall.rotations.primary.handoff: expected a hand-off time such as "mon 09:00" or "09:00"',
    ]);
    expect(problemsOf(load(primary(good.replace('shift: 7d', 'shift: 1d'))))).toEqual([
      'oncall.rotations.primary.handoff: a weekday needs a shift of whole weeks (7d, 14d); use "09:00" for other shifts',
    ]);
  });

  it('names overrides without an offset, ending before they start, or overlapping', () => {
    const result = load(
      primary(`${good}      overrides:
        - { user: U0CAROL, from: "2026-03-25T12:00:00", to: "2026-03-27T18:00:00Z" }
        - { user: U0CAROL, from: "2026-04-02T12:00:00Z", to: "2026-04-01T12:00:00Z" }
`),
    );
    expect(problemsOf(result)).toEqual([
      'oncall.rotations.primary.overrides.0.from: expected an ISO date-time with offset, e.g. 2026-03-30T09:00:00+02:00',
      'oncall.rotations.primary.overrides.1.to: expected to be after from',
    ]);
    const overlapping = load(
      primary(`${good}      overrides:
        - { user: U0DAVE, from: "2026-05-01T00:00:00Z", to: "2026-05-03T00:00:00Z" }
        - { user: U0ERIN, from: "2026-05-02T00:00:00Z", to: "2026-05-04T00:00:00Z" }
`),
    );
    expect(problemsOf(overlapping)).toEqual([
      'oncall.rotations.primary.overrides.1: overlaps overrides[0]; overrides must not overlap',
    ]);
  });

  it('names a rotation name that cannot be typed after /incident oncall', () => {
    const result = load(`  rotations:\n    Primary Team:\n${good}`);
    expect(problemsOf(result)).toEqual([
      'oncall.rotations.Primary Team: expected a rotation name: lower-case letters, digits, - and _ (at most 40)',
    ]);
  });
});

describe('oncall: rotations from Incident Manager Contacts', () => {
  const arn = 'arn:aws:ssm-contacts:us-east-1:123456789012:rotation/primary';

  it('reads ssmRotation and ssmContact entries', () => {
    const result = load(
      `  rotations:\n    primary: { ssmRotation: "${arn}" }\n    db: { ssmContact: db-schedule }\n`,
    );
    expect(result.ok && result.config.oncall.rotations).toEqual({
      primary: { ssm: { kind: 'rotation', id: arn } },
      db: { ssm: { kind: 'contact', id: 'db-schedule' } },
    });
  });

  it('names the key when members and ssmRotation are both given', () => {
    const result = load(primary(`${good}      ssmRotation: "${arn}"\n`));
    const problems = problemsOf(result);
    expect(
      problems.some((p) => p.includes('oncall.rotations.primary.members') && p.includes('ssmRotation')),
    ).toBe(true);
  });

  it('rejects both ssmRotation and ssmContact, and a malformed ARN', () => {
    const both = problemsOf(load(primary(`      ssmRotation: "${arn}"\n      ssmContact: db-schedule\n`)));
    expect(both.some((p) => p.includes('ssmContact') && p.includes('not both'))).toBe(true);
    const bad = problemsOf(load(primary(`      ssmRotation: "primary"\n`)));
    expect(bad.some((p) => p.includes('oncall.rotations.primary.ssmRotation'))).toBe(true);
  });
});
