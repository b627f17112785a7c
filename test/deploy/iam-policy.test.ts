import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAwsActions } from '../../scripts/aws-calls.ts';
import { buildIamPolicy } from '../../scripts/generate-iam-policy.ts';

const committed = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as {
  Statement: Array<{ Sid: string; Action: string | string[] }>;
};
const calls = committed.Statement.find((statement) => statement.Sid === 'WarroomCalls')?.Action ?? [];
const allowed = typeof calls === 'string' ? [calls] : calls;
const called = findAwsActions();

const MODEL_FILES: Record<string, string> = {
  sns: 'sns',
  'ssm-incidents': 'ssm-incidents',
  'ssm-contacts': 'ssm-contacts',
  ssm: 'ssm',
  rds: 'rds',
  cloudwatch: 'cloudwatch',
  sqs: 'sqs',
};

describe('deploy/iam-policy.json', () => {
  it('finds the AWS calls the code makes (the scan is not empty)', () => {
    expect(called).toContain('rds:DescribeDBInstances');
    expect(called).toContain('ssm:StartAutomationExecution');
    expect(called).toContain('cloudwatch:GetMetricWidgetImage');
    expect(called.length).toBeGreaterThanOrEqual(25);
  });

  it('allows every action the code calls (run `npm run iam` after adding an AWS call)', () => {
    expect(called.filter((action) => !allowed.includes(action))).toEqual([]);
  });

  it('allows nothing the code does not call (least privilege)', () => {
    expect(allowed.filter((action) => !called.includes(action))).toEqual([]);
  });

  it('is exactly what the generator writes', () => {
    expect(committed).toEqual(buildIamPolicy(called));
  });

  it('names only operations that exist in the AWS service models', () => {
    for (const action of allowed) {
      const [prefix, operation] = action.split(':') as [string, string];
      const model = JSON.parse(readFileSync(`sandbox/aws/models/${MODEL_FILES[prefix]}.json`, 'utf8')) as {
        operations: Record<string, unknown>;
      };
      expect({ action, known: operation in model.operations }).toEqual({ action, known: true });
    }
  });
});
