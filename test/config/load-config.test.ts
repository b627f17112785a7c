import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';

function filesWith(content: Record<string, string>, dirs: string[] = []): ConfigFiles {
  return {
    exists: (path) => path in content || dirs.includes(path),
    read: (path) => {
      const text = content[path];
      if (text === undefined) throw new Error(`no ${path}`);
      return text;
    },
    isDirectory: (path) => dirs.includes(path),
  };
}

const validYaml = `
slack:
  alertChannel: C0123ALERTS
sns:
  topicArns: [arn:aws:sns:us-east-1:123456789012:incidents]
signals:
  - match: rds-event:backup
    effect: open
    impact: 4
`;

const validEnv = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

describe('loadConfig', () => {
  it('reads env and YAML into one typed config with documented defaults', () => {
    const result = loadConfig(validEnv, filesWith({ '/etc/warroom.yml': validYaml }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(3000);
    expect(result.config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(result.config.slack.alertChannel).toBe('C0123ALERTS');
    expect(result.config.slack.incidentChannels).toBe(false);
    expect(result.config.store).toEqual({ kind: 'sqlite', path: './data/warroom.db' });
    expect(result.config.sns.topicArns).toEqual(['arn:aws:sns:us-east-1:123456789012:incidents']);
    expect(result.config.signals).toEqual([{ match: 'rds-event:backup', effect: 'open', impact: 4 }]);
    expect(result.config.permissions.resolve).toEqual(['*']);
  });

  it('names every bad key with what is expected, all at once', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      AWS_REGION: 'mars-1',
      PORT: 'eighty',
      WARROOM_STORE: 'postgres://x',
      WARROOM_CONFIG: '/etc/warroom.yml',
    };
    const yaml = `slack:\n  alertChannel: alerts\n  colour: red\nsns:\n  topicArns: [not-an-arn]\n`;
    const result = loadConfig(env, filesWith({ '/etc/warroom.yml': yaml }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toContain('SLACK_BOT_TOKEN: expected a bot token starting with xoxb-');
    expect(text).toContain('AWS_REGION: expected an AWS region such as us-east-1');
    expect(text).toContain('PORT: expected a TCP port number');
    expect(text).toContain('WARROOM_STORE: expected sqlite:<path> or dynamodb:<table>');
    expect(text).toContain('SLACK_SIGNING_SECRET: expected in HTTP mode');
    expect(text).toContain('slack.alertChannel: expected a Slack channel id');
    expect(text).toContain('slack.colour: unknown key');
    expect(text).toContain('sns.topicArns.0: expected an SNS topic ARN');
    expect(result.problems.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses a missing config file and names the variable that points at it', () => {
    const result = loadConfig(validEnv, filesWith({}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'WARROOM_CONFIG: expected a YAML config file, but /etc/warroom.yml does not exist',
    ]);
  });

  it('refuses YAML that does not parse', () => {
    const result = loadConfig(validEnv, filesWith({ '/etc/warroom.yml': 'slack: [unclosed' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatch(/^\/etc\/warroom.yml: expected valid YAML/);
  });

  it('does not need a signing secret in Socket Mode', () => {
    const env = { ...validEnv, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-abc' };
    const result = loadConfig(env, filesWith({ '/etc/warroom.yml': validYaml }));
    expect(result.ok).toBe(true);
  });

  it('takes a DynamoDB table by name, in AWS_REGION', () => {
    const env = { ...validEnv, WARROOM_STORE: 'dynamodb:warroom-prod.store_1' };
    const result = loadConfig(env, filesWith({ '/etc/warroom.yml': validYaml }));
    expect(result.ok && result.config.store).toEqual({ kind: 'dynamodb', table: 'warroom-prod.store_1' });
  });

  it("takes a DynamoDB table by ARN, in the ARN's Region, in every partition", () => {
    for (const [arn, region] of [
      ['arn:aws:dynamodb:eu-west-1:123456789012:table/warroom', 'eu-west-1'],
      ['arn:aws-cn:dynamodb:cn-north-1:123456789012:table/warroom', 'cn-north-1'],
      ['arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/warroom', 'us-gov-west-1'],
    ] as const) {
      const result = loadConfig(
        { ...validEnv, WARROOM_STORE: `dynamodb:${arn}` },
        filesWith({ '/etc/warroom.yml': validYaml }),
      );
      expect(result.ok && result.config.store).toEqual({ kind: 'dynamodb', table: arn, region });
    }
  });

  it('refuses a table name DynamoDB would refuse, saying what a name may be', () => {
    for (const name of ['wr', 'war room', 'x'.repeat(256), 'warroom/prod']) {
      const result = loadConfig(
        { ...validEnv, WARROOM_STORE: `dynamodb:${name}` },
        filesWith({ '/etc/warroom.yml': validYaml }),
      );
      expect(result.ok ? [] : result.problems).toEqual([
        `WARROOM_STORE: expected a DynamoDB table name of 3–255 characters from A-Z a-z 0-9 _ . -, got "${name}"`,
      ]);
    }
  });

  it('refuses a malformed table ARN, naming the shape expected', () => {
    for (const arn of [
      'arn:aws:dynamodb:eu-west-1:1234:table/warroom',
      'arn:aws:s3:eu-west-1:123456789012:table/warroom',
      'arn:aws:dynamodb:eu-west-1:123456789012:warroom',
      'arn:aws:dynamodb:eu-west-1:123456789012:table/warroom/index/gsi1',
      'arn:azure:dynamodb:eu-west-1:123456789012:table/warroom',
    ]) {
      const result = loadConfig(
        { ...validEnv, WARROOM_STORE: `dynamodb:${arn}` },
        filesWith({ '/etc/warroom.yml': validYaml }),
      );
      expect(result.ok ? [] : result.problems.join('\n')).toMatch(
        /^WARROOM_STORE: expected (dynamodb:<table ARN> as arn:aws:dynamodb:<region>:<12-digit account>:table\/<name>|a DynamoDB table name)/,
      );
    }
  });

  it('refuses an empty table or path', () => {
    for (const value of ['dynamodb:', 'sqlite:']) {
      const result = loadConfig(
        { ...validEnv, WARROOM_STORE: value },
        filesWith({ '/etc/warroom.yml': validYaml }),
      );
      expect(result.ok ? [] : result.problems).toEqual([
        'WARROOM_STORE: expected sqlite:<path> or dynamodb:<table>',
      ]);
    }
  });

  it('checks that SNS_CERT_DIR is a directory', () => {
    const bad = loadConfig(
      { ...validEnv, SNS_CERT_DIR: '/nope' },
      filesWith({ '/etc/warroom.yml': validYaml }),
    );
    expect(bad.ok).toBe(false);
    const good = loadConfig(
      { ...validEnv, SNS_CERT_DIR: '/certs' },
      filesWith({ '/etc/warroom.yml': validYaml }, ['/certs']),
    );
    expect(good.ok).toBe(true);
  });

  it('reports no key as inactive once runbooks: and oncall: are active', () => {
    const yaml = `${validYaml}\nrunbooks: []\noncall: {}\n`;
    const result = loadConfig(validEnv, filesWith({ '/etc/warroom.yml': yaml }));
    // runbooks: test/config/runbooks-config.test.ts; oncall: test/config/oncall-config.test.ts.
    expect(result.ok && result.config.inactiveKeys).toEqual([]);
  });
});

describe('where a config problem is', () => {
  const load = (yaml: string) => {
    const result = loadConfig(
      { ...validEnv, WARROOM_CONFIG: '/etc/warroom.yml' },
      filesWith({ '/etc/warroom.yml': yaml }),
    );
    return result.ok ? [] : result.problems;
  };

  it('names the line of a value the schema refuses, and of an unknown key', () => {
    expect(
      load(`slack:
  alertChannel: C0123ALERTS
routes:
  - when: {stage: prod}
    channel: "#payments"
    owner: payments
`),
    ).toEqual([
      'routes.0.channel: expected a Slack channel id such as C0PAYMENTS (/etc/warroom.yml:5)',
      'routes.0.owner: unknown key (see the configuration reference) (/etc/warroom.yml:6)',
    ]);
  });

  it('names the line of a route that can never match and of a policy that does not exist', () => {
    expect(
      load(`slack:
  alertChannel: C0123ALERTS
escalation:
  default: [{after: 0s, notify: [U0ALICE]}]
routes:
  - when: {stage: prod}
    policy: nobody
  - channel: C0ALL
  - when: {region: us-east-1}
    channel: C0EAST
`),
    ).toEqual([
      'routes.0.policy: expected one of the policies under escalation, "nobody" is not one (/etc/warroom.yml:7)',
      'routes.2: can never match: routes.1 (route 2) before it matches every signal (/etc/warroom.yml:9)',
    ]);
  });

  it('places a missing key at its parent', () => {
    expect(load('sns:\n  topicArns: []\nslack:\n  incidentChannels: true\n')).toEqual([
      'slack.alertChannel: Invalid input: expected string, received undefined (/etc/warroom.yml:4)',
    ]);
  });
});
