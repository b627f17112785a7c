import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCfnTemplate } from '../../scripts/deploy-checks/cfn-template.ts';
import { checkCfnTemplate } from '../../scripts/deploy-checks/check-cfn-template.ts';
import { resolveScenario } from '../../scripts/deploy-checks/resolve-scenario.ts';
import { usedResourceTypes } from '../../scripts/deploy-checks/used-resource-types.ts';
import { actionsOf, type Statement, schemas } from './deploy-scenarios.ts';

const TEMPLATE = readFileSync('deploy/account-role.yml', 'utf8');
const WARROOM_ROLE = 'arn:aws:iam::123456789012:role/warroom-WarroomRole-ABC123';
const SCENARIOS = {
  'named role': { WarroomRoleArn: WARROOM_ROLE, ExternalId: 'warroom-7f3a', RoleName: 'warroom-reader' },
  defaults: { WarroomRoleArn: WARROOM_ROLE, ExternalId: 'warroom-7f3a' },
};
const generated = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as { Statement: Statement[] };

function role(scenario: keyof typeof SCENARIOS) {
  const values = SCENARIOS[scenario];
  const { resources } = resolveScenario(loadCfnTemplate(TEMPLATE, values), values, schemas);
  const properties = resources.AccountRole?.Properties as {
    RoleName: string;
    AssumeRolePolicyDocument: { Statement: unknown[] };
    Policies: Array<{ PolicyDocument: { Statement: Statement[] } }>;
  };
  return properties;
}

describe('deploy/account-role.yml (the role warroom assumes in another account)', () => {
  it('passes the template check in every scenario, with only vendored resource types', () => {
    expect(checkCfnTemplate(TEMPLATE, schemas, SCENARIOS)).toEqual([]);
    expect(usedResourceTypes(TEMPLATE).every((type) => schemas.has(type))).toBe(true);
  });

  it('trusts only warroom’s role, and only with the external id', () => {
    expect(role('defaults').AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: WARROOM_ROLE },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'warroom-7f3a' } },
      },
    ]);
    expect(role('defaults').RoleName).toBe('warroom');
    expect(role('named role').RoleName).toBe('warroom-reader');
  });

  it('allows exactly the RDS and CloudWatch actions warroom calls about an incident', () => {
    const called = actionsOf(generated.Statement.filter((statement) => statement.Sid === 'WarroomCalls'));
    const expected = called.filter((action) => action.startsWith('rds:') || action.startsWith('cloudwatch:'));
    const policies = role('defaults').Policies.flatMap((policy) => policy.PolicyDocument.Statement);
    expect(actionsOf(policies)).toEqual(expected);
  });

  it('refuses a deployment without an external id, with a one-character one, or trusting a user', () => {
    const check = (values: Record<string, string>) => checkCfnTemplate(TEMPLATE, schemas, { bad: values });
    expect(check({ WarroomRoleArn: WARROOM_ROLE })).toEqual([
      'bad: Parameters.ExternalId: no value and no Default',
    ]);
    expect(check({ WarroomRoleArn: WARROOM_ROLE, ExternalId: 'x' })).toEqual([
      expect.stringMatching(/^bad: Parameters.ExternalId: x does not match/),
    ]);
    expect(
      check({ WarroomRoleArn: 'arn:aws:iam::123456789012:user/alice', ExternalId: 'warroom-7f3a' }),
    ).toEqual([
      expect.stringMatching(
        /^bad: Parameters.WarroomRoleArn: arn:aws:iam::123456789012:user\/alice does not match/,
      ),
    ]);
  });
});
