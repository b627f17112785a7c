import { describe, expect, it } from 'vitest';
import { type ConfigFiles, loadConfig } from '../../src/config/load-config.ts';
import { DEFAULT_RUNBOOKS } from '../../src/runbooks/default-catalog.ts';
import { withoutLine } from './without-line.ts';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  AWS_REGION: 'us-east-1',
  WARROOM_CONFIG: '/etc/warroom.yml',
};

function load(extra: string) {
  const yaml = `slack:\n  alertChannel: C0123ALERTS\n${extra}`;
  const files: ConfigFiles = {
    exists: (path) => path === '/etc/warroom.yml',
    read: () => yaml,
    isDirectory: () => false,
  };
  return loadConfig(env, files);
}

describe('runbooks: and automation: in the YAML config', () => {
  it('without either, the default catalog applies, no role, requests expire after 30 minutes', () => {
    const result = load('');
    expect(result.ok && result.config.runbooks).toEqual({
      catalog: DEFAULT_RUNBOOKS,
      roleArn: undefined,
      approvalTimeoutMs: 30 * 60_000,
      approvers: [],
    });
  });

  it('an entry with a default id replaces it in place; a new id is added at the end', () => {
    const result = load(`automation:
  roleArn: arn:aws:iam::123456789012:role/warroom-automation
  approvalTimeoutMinutes: 10
runbooks:
  - id: stop-instance
    document: AWS-StopRdsInstance
    title: Stop (one person is enough here)
    resource: rds-instance
    parameters: { InstanceId: "{{resource.id}}" }
  - id: custom-failover
    document: Acme-FailoverCluster
    title: Fail over the cluster
    resource: rds-cluster
    parameters: { Cluster: "{{resource.arn}}", Role: "{{config.automationRoleArn}}" }
    approval: two-person
    editable: [Cluster]
`);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { catalog, roleArn, approvalTimeoutMs } = result.config.runbooks;
    expect(roleArn).toBe('arn:aws:iam::123456789012:role/warroom-automation');
    expect(approvalTimeoutMs).toBe(600_000);
    const ids = catalog.map((runbook) => runbook.id);
    expect(ids.indexOf('stop-instance')).toBe(DEFAULT_RUNBOOKS.findIndex((r) => r.id === 'stop-instance'));
    expect(catalog.find((runbook) => runbook.id === 'stop-instance')).toMatchObject({
      approval: 'confirm',
      editable: [],
    });
    expect(ids.at(-1)).toBe('custom-failover');
    expect(result.config.inactiveKeys).toEqual([]);
  });

  it('defaultCatalog: false keeps only the listed runbooks', () => {
    const result = load(`automation: { defaultCatalog: false }
runbooks:
  - { id: reboot, document: AWS-RebootRdsInstance, title: Reboot, resource: rds-instance, parameters: { InstanceId: "{{resource.id}}" } }
`);
    expect(result.ok && result.config.runbooks.catalog.map((runbook) => runbook.id)).toEqual(['reboot']);
  });

  it('names every bad entry: unknown placeholder, bad resource, duplicate id, bad role ARN', () => {
    const result = load(`automation: { roleArn: not-an-arn }
runbooks:
  - { id: a, document: AWS-RebootRdsInstance, title: A, resource: rds-instance, parameters: { InstanceId: "{{resource.name}}" } }
  - { id: a, document: AWS-RebootRdsInstance, title: B, resource: ec2-instance }
`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(withoutLine)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^runbooks\.0\.parameters\.InstanceId: unknown placeholder \{\{resource\.name\}\}/,
        ),
        expect.stringMatching(/^runbooks\.1\.resource: /),
        'automation.roleArn: expected an IAM role ARN',
      ]),
    );
  });
});

describe('automation.approvers', () => {
  it('lists the people and user groups a two-person request asks', () => {
    const result = load('automation:\n  approvers: [S0SRELEADS, U0DAN]\n');
    expect(result.ok && result.config.runbooks.approvers).toEqual(['S0SRELEADS', 'U0DAN']);
  });

  it('refuses "*" and anything but a user or user-group id, naming the key', () => {
    for (const bad of ['"*"', 'C0123ALERTS', '"@sre"']) {
      const result = load(`automation:\n  approvers: [${bad}]\n`);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problems.join('\n')).toMatch(
          /automation\.approvers\.0.*expected a Slack user id \(U…\/W…\) or a user-group id \(S…\) to mention/,
        );
      }
    }
  });
});
