import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { withoutLine } from './without-line.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

function load(extra: string) {
  const yaml = `slack:\n  alertChannel: C0123ALERTS\n${extra}`;
  return loadConfig(env, { exists: () => true, read: () => yaml, isDirectory: () => false });
}

// Where each problem is in the file is tested in load-config.test.ts; here, what it says.
const problems = (extra: string) => {
  const result = load(extra);
  return result.ok ? [] : result.problems.map(withoutLine);
};

describe('escalation, escalationRules and reminders in warroom.yml', () => {
  it('reads policies (a list of stages, or stages with a repeat), rules and reminders', () => {
    const result = load(`escalation:
  default:
    - after: 0s
      notify: [rotation:primary]
    - after: 10m
      notify: [U0SECONDARY, S0SRE]
  critical:
    stages:
      - after: 1h
        notify: [U0BOSS]
      - after: 0s
        notify: [U0ALICE]
    repeatLastEveryMinutes: 15
escalationRules:
  - when: { impactAtMost: 2, resourceKind: rds-instance }
    policy: critical
reminders:
  afterMinutes: 30
oncall:
  rotations:
    primary:
      members: [U0ALICE, U0BOB]
      shift: 7d
      handoff: "mon 09:00"
      timezone: Europe/Berlin
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.escalation).toEqual({
      policies: {
        default: {
          name: 'default',
          stages: [
            { afterMs: 0, notify: ['rotation:primary'] },
            { afterMs: 600_000, notify: ['U0SECONDARY', 'S0SRE'] },
          ],
          repeatLastEveryMs: undefined,
        },
        critical: {
          name: 'critical',
          stages: [
            { afterMs: 0, notify: ['U0ALICE'] },
            { afterMs: 3_600_000, notify: ['U0BOSS'] },
          ],
          repeatLastEveryMs: 900_000,
        },
      },
      rules: [{ when: { impactAtMost: 2, resourceKind: 'rds-instance' }, policy: 'critical' }],
      reminders: { afterMs: 1_800_000 },
    });
    expect(result.config.inactiveKeys).not.toContain('escalation');
  });

  it('has no escalation when the keys are left out', () => {
    const result = load('');
    expect(result.ok && result.config.escalation).toEqual({ policies: {}, rules: [], reminders: undefined });
  });

  it('names the key of each bad duration, target, rule and reminder', () => {
    const found = problems(`escalation:
  default:
    - after: 5 minutes
      notify: [alice]
    - after: 5m
      notify: []
escalationRules:
  - when: { impactAtMost: 7, resourceKind: dynamo }
    policy: default
reminders:
  afterMinutes: 0
`);
    expect(found).toEqual(
      expect.arrayContaining([
        'escalation.default.0.after: expected a duration such as 0s, 5m or 1h',
        'escalation.default.0.notify.0: expected a Slack user id (U…), a user-group id (S…), rotation:<name> or contact:<SSM Contacts alias or contact ARN>',
        'escalation.default.1.notify: expected at least one person, group or rotation to notify',
        expect.stringMatching(/^escalationRules\.0\.when\.impactAtMost: /),
        expect.stringMatching(/^escalationRules\.0\.when\.resourceKind: /),
        'reminders.afterMinutes: expected a whole number of minutes',
      ]),
    );
  });

  it('refuses a rule naming a policy that does not exist, and a rotation that is not configured', () => {
    expect(
      problems(`escalation:
  default:
    - after: 0s
      notify: [rotation:nightshift]
escalationRules:
  - when: { source: declared }
    policy: weekend
`),
    ).toEqual([
      'escalationRules.0.policy: expected one of the policies under escalation, "weekend" is not one',
      'escalation.default.0.notify: rotation:nightshift is not a rotation under oncall.rotations',
    ]);
  });

  it('reads contact:<alias> and contact:<ARN> targets, and names a bad one', () => {
    const arn = 'arn:aws:ssm-contacts:us-east-1:123456789012:contact/alice-oncall';
    const result = load(`escalation:
  default:
    - after: 0s
      notify: [contact:alice-oncall, "contact:${arn}"]
`);
    expect(result.ok && result.config.escalation.policies.default?.stages[0]?.notify).toEqual([
      'contact:alice-oncall',
      `contact:${arn}`,
    ]);
    const hint =
      'expected a Slack user id (U…), a user-group id (S…), rotation:<name> or contact:<SSM Contacts alias or contact ARN>';
    expect(
      problems(`escalation:
  default:
    - after: 0s
      notify: ["contact:", contact:Alice On Call, "contact:arn:aws:sns:us-east-1:123456789012:alerts"]
`),
    ).toEqual([0, 1, 2].map((index) => `escalation.default.0.notify.${index}: ${hint}`));
  });
});
