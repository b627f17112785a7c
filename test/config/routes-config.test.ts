import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';
import { withoutLine } from './without-line.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/w.yml',
};

const POLICIES =
  'escalation:\n  default: [{after: 0s, notify: [U0ALICE]}]\n  payments: [{after: 0s, notify: [U0BOB]}]\n';

function load(yaml: string) {
  const files: ConfigFiles = {
    exists: (path) => path === '/w.yml',
    read: () => `slack:\n  alertChannel: C0123ALERTS\n${POLICIES}${yaml}`,
    isDirectory: () => false,
  };
  return loadConfig(env, files);
}

// Where each problem is in the file is tested in load-config.test.ts; here, what it says.
const problems = (yaml: string) => {
  const result = load(yaml);
  return result.ok ? [] : result.problems.map(withoutLine);
};

describe('routes config', () => {
  it('has no routes by default', () => {
    const result = load('');
    expect(result.ok && result.config.routes).toEqual([]);
  });

  it('reads routes, single values as lists, and names unnamed ones by position', () => {
    const result = load(`routes:
  - name: payments-prod
    when: {tags: {team: payments}, stage: prod, region: [us-east-1, eu-west-1]}
    channel: C0PAYMENTS
    policy: payments
    team: payments
  - when: {account: "210987654321", signal: "rds-event:*", impactAtMost: 2}
    channel: C0SEARCH01
`);
    expect(result.ok && result.config.routes).toEqual([
      {
        name: 'payments-prod',
        when: { tags: { team: ['payments'] }, stage: ['prod'], region: ['us-east-1', 'eu-west-1'] },
        channel: 'C0PAYMENTS',
        policy: 'payments',
        team: 'payments',
      },
      {
        name: 'route 2',
        when: { account: ['210987654321'], signal: ['rds-event:*'], impactAtMost: 2 },
        channel: 'C0SEARCH01',
      },
    ]);
  });

  it('refuses a route after one that matches every signal, and one repeating earlier conditions', () => {
    expect(
      problems(`routes:
  - when: {stage: prod}
    channel: C0PROD
  - when: {stage: prod}
    channel: C0OTHER
  - channel: C0ALL
  - when: {region: us-east-1}
    channel: C0EAST
`),
    ).toEqual([
      'routes.1: can never match: routes.0 (route 1) before it has the same conditions',
      'routes.3: can never match: routes.2 (route 3) before it matches every signal',
    ]);
  });

  it('refuses a policy that is not under escalation, a channel that is not a channel id, and unknown keys', () => {
    const found = problems(`routes:
  - when: {stage: prod}
    channel: "#payments"
    policy: nobody
    owner: payments
`);
    expect(found).toEqual(
      expect.arrayContaining([
        'routes.0.channel: expected a Slack channel id such as C0PAYMENTS',
        'routes.0.owner: unknown key (see the configuration reference)',
      ]),
    );
    const policy = problems('routes:\n  - when: {stage: prod}\n    policy: nobody\n');
    expect(policy).toEqual([
      'routes.0.policy: expected one of the policies under escalation, "nobody" is not one',
    ]);
  });

  it('names a bad Region, resource kind and impact', () => {
    const text = problems(`routes:
  - when: {region: US-EAST, resourceKind: database, impactAtMost: 9}
`).join('\n');
    expect(text).toMatch(/routes\.0\.when\.region.*us-east-1/);
    expect(text).toMatch(/routes\.0\.when\.resourceKind/);
    expect(text).toMatch(/routes\.0\.when\.impactAtMost.*1 to 5/);
  });
});
