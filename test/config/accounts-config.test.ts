import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

function load(accounts: string | undefined) {
  const yaml = `slack:\n  alertChannel: C0123ALERTS\n${accounts === undefined ? '' : `accounts:\n${accounts}`}`;
  return loadConfig(env, {
    exists: (path) => path === '/etc/warroom.yml',
    read: () => yaml,
    isDirectory: () => false,
  });
}

function problemsOf(result: ReturnType<typeof load>): string[] {
  return result.ok ? [] : result.problems;
}

describe('accounts: in warroom.yml', () => {
  it('reads a bare name and the long form with stage, role and external id', () => {
    const result = load(
      [
        '  123456789012: prod-payments',
        '  "012345678901": {name: legacy, stage: prod}',
        '  "210987654321":',
        '    name: staging-search',
        '    stage: staging',
        '    roleArn: arn:aws:iam::210987654321:role/warroom',
        '    externalId: warroom-7f3a',
        '',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.accounts).toEqual({
      '123456789012': { name: 'prod-payments' },
      '012345678901': { name: 'legacy', stage: 'prod' },
      '210987654321': {
        name: 'staging-search',
        stage: 'staging',
        roleArn: 'arn:aws:iam::210987654321:role/warroom',
        externalId: 'warroom-7f3a',
      },
    });
  });

  it('is empty when the key is left out', () => {
    const result = load(undefined);
    expect(result.ok && result.config.accounts).toEqual({});
  });

  it('refuses an id that is not 12 digits, naming its line and the quoting a leading 0 needs', () => {
    // Unquoted, YAML reads 012345678901 as the number 12345678901: eleven digits.
    expect(problemsOf(load('  123456789012: prod\n  012345678901: legacy\n'))).toEqual([
      'accounts.12345678901: expected a 12-digit account id (quote it if it starts with 0) (/etc/warroom.yml:5)',
    ]);
  });

  it('names the line of an empty name, a bad role ARN and an unknown key', () => {
    expect(
      problemsOf(
        load(
          [
            '  "123456789012": ""',
            '  "210987654321":',
            '    name: search',
            '    roleArn: warroom-role',
            '    colour: red',
            '',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      'accounts.123456789012.name: expected a name people read, such as prod-payments (/etc/warroom.yml:4)',
      'accounts.210987654321.roleArn: expected an IAM role ARN such as arn:aws:iam::210987654321:role/warroom (/etc/warroom.yml:7)',
      'accounts.210987654321.colour: unknown key (see the configuration reference) (/etc/warroom.yml:8)',
    ]);
  });

  it('refuses a role in another account than the one it is listed under', () => {
    expect(
      problemsOf(
        load('  "210987654321": {name: search, roleArn: "arn:aws:iam::123456789012:role/warroom"}\n'),
      ),
    ).toEqual([
      'accounts.210987654321.roleArn: expected a role in account 210987654321, not in 123456789012 (/etc/warroom.yml:4)',
    ]);
  });

  it('refuses an external id without a role to send it to', () => {
    expect(problemsOf(load('  "210987654321": {name: search, externalId: abc123}\n'))).toEqual([
      'accounts.210987654321.externalId: expected only with roleArn (/etc/warroom.yml:4)',
    ]);
  });

  it('reads an automation role in the account, and refuses one elsewhere or without a role', () => {
    const good = load(
      [
        '  "210987654321":',
        '    name: search',
        '    roleArn: arn:aws:iam::210987654321:role/warroom',
        '    automationRoleArn: arn:aws:iam::210987654321:role/warroom-automation',
        '',
      ].join('\n'),
    );
    if (!good.ok) throw new Error(good.problems.join('\n'));
    expect(good.config.accounts['210987654321']?.automationRoleArn).toBe(
      'arn:aws:iam::210987654321:role/warroom-automation',
    );
    expect(
      problemsOf(
        load(
          [
            '  "210987654321":',
            '    name: search',
            '    roleArn: arn:aws:iam::210987654321:role/warroom',
            '    automationRoleArn: arn:aws:iam::123456789012:role/warroom-automation',
            '  "123456789012": {name: prod, automationRoleArn: "arn:aws:iam::123456789012:role/auto"}',
            '',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      'accounts.123456789012.automationRoleArn: expected only with roleArn (/etc/warroom.yml:8)',
      'accounts.210987654321.automationRoleArn: expected a role in account 210987654321, not in 123456789012 (/etc/warroom.yml:7)',
    ]);
  });
});
