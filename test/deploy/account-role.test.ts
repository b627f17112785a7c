import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  automationActions,
  loadAutomationPermissions,
} from '../../scripts/deploy-checks/automation-permissions.ts';
import { loadCfnTemplate } from '../../scripts/deploy-checks/cfn-template.ts';
import { checkCfnTemplate } from '../../scripts/deploy-checks/check-cfn-template.ts';
import { resolveScenario } from '../../scripts/deploy-checks/resolve-scenario.ts';
import { usedResourceTypes } from '../../scripts/deploy-checks/used-resource-types.ts';
import { actionsOf, type Statement, schemas } from './deploy-scenarios.ts';

const TEMPLATE = readFileSync('deploy/account-role.yml', 'utf8');
const WARROOM_ROLE = 'arn:aws:iam::123456789012:role/warroom-WarroomRole-ABC123';
const GIVEN_AUTOMATION_ROLE = 'arn:aws:iam::210987654321:role/ops/runbooks';
const SCENARIOS = {
  'named role': { WarroomRoleArn: WARROOM_ROLE, ExternalId: 'warroom-7f3a', RoleName: 'warroom-reader' },
  defaults: { WarroomRoleArn: WARROOM_ROLE, ExternalId: 'warroom-7f3a' },
  'given automation role': {
    WarroomRoleArn: WARROOM_ROLE,
    ExternalId: 'warroom-7f3a',
    AutomationRoleArn: GIVEN_AUTOMATION_ROLE,
  },
};
const generated = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as { Statement: Statement[] };

function resolved(scenario: keyof typeof SCENARIOS) {
  const values = SCENARIOS[scenario];
  return resolveScenario(loadCfnTemplate(TEMPLATE, values), values, schemas);
}

function role(scenario: keyof typeof SCENARIOS) {
  const { resources } = resolved(scenario);
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

  it('allows exactly the RDS, CloudWatch and SSM Automation actions warroom calls about an incident', () => {
    const called = actionsOf(generated.Statement.filter((statement) => statement.Sid === 'WarroomCalls'));
    // OpsCenter (follow-ups) is called in warroom's own account only, never through this role.
    const expected = called.filter(
      (action) => /^(rds|cloudwatch|ssm):/.test(action) && !/^ssm:\w+OpsItem$/.test(action),
    );
    const policies = role('defaults').Policies.flatMap((policy) => policy.PolicyDocument.Statement);
    const calls = policies.filter((statement) => statement.Sid === 'IncidentCalls');
    expect(actionsOf(calls)).toEqual(expected);
    expect(expected).toContain('ssm:StartAutomationExecution');
  });

  it('may pass only the runbooks’ role, only to SSM: the one it creates, or the one given', () => {
    const passes = (scenario: keyof typeof SCENARIOS) =>
      role(scenario)
        .Policies.flatMap((policy) => policy.PolicyDocument.Statement)
        .filter((statement) => [statement.Action].flat().includes('iam:PassRole'));
    expect(passes('defaults')).toEqual([
      {
        Sid: 'PassAutomationRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: { $cfnIntrinsic: 'string', from: 'GetAtt AutomationRole.Arn' },
        Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      },
    ]);
    expect(passes('given automation role')[0]?.Resource).toBe(GIVEN_AUTOMATION_ROLE);
    expect(resolved('given automation role').resources.AutomationRole).toBeUndefined();
    expect(resolved('given automation role').outputs.AutomationRoleArn?.Value).toBe(GIVEN_AUTOMATION_ROLE);
  });

  it("creates the runbooks' role with exactly the catalog's actions, on this account's databases in any Region", () => {
    const { resources, outputs } = resolved('defaults');
    const automation = resources.AutomationRole?.Properties as {
      RoleName: unknown;
      Policies: Array<{ PolicyDocument: { Statement: Statement[] } }>;
    };
    const statements = automation.Policies.flatMap((policy) => policy.PolicyDocument.Statement);
    expect(actionsOf(statements)).toEqual(
      automationActions(loadAutomationPermissions('deploy/automation-permissions.json')),
    );
    expect(TEMPLATE).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub text, not a JavaScript template
      'Resource: !Sub arn:${AWS::Partition}:rds:*:${AWS::AccountId}:*',
    );
    expect(outputs.AutomationRoleArn?.Description).toContain('accounts.<this account id>.automationRoleArn');
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
