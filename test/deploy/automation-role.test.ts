import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  automationActions,
  loadAutomationPermissions,
} from '../../scripts/deploy-checks/automation-permissions.ts';
import { DEFAULT_RUNBOOKS } from '../../src/runbooks/default-catalog.ts';
import { actionsOf, GIVEN_AUTOMATION_ROLE, resolved, roleStatements } from './deploy-scenarios.ts';

/** The one list of what the runbooks' role needs (deploy/automation-permissions.json). */
const PERMISSIONS_FILE = 'deploy/automation-permissions.json';
const permissions = loadAutomationPermissions(PERMISSIONS_FILE);
const catalogDocuments = [...new Set(DEFAULT_RUNBOOKS.map((runbook) => runbook.document))].sort();

/** The stack creates the role when AutomationRoleArn is empty, as in these two scenarios. */
const CREATES_ROLE = ['sqs, Socket Mode only', 'https, HTTP mode'];

describe('deploy/automation-permissions.json', () => {
  it('has one entry for each document of the default catalog, and none for a document it does not offer', () => {
    const documents = permissions.map((entry) => entry.document);
    expect(documents.filter((document, i) => documents.indexOf(document) !== i)).toEqual([]);
    expect({
      missing: catalogDocuments.filter((document) => !documents.includes(document)),
      notInCatalog: documents.filter((document) => !catalogDocuments.includes(document)),
    }).toEqual({ missing: [], notInCatalog: [] });
  });

  it('cites each runbook by its page in the Automation runbook reference', () => {
    for (const entry of permissions) {
      expect(entry.source).toMatch(
        /^https:\/\/docs\.aws\.amazon\.com\/systems-manager-automation-runbooks\/latest\/userguide\/[a-z0-9-]+\.html$/,
      );
    }
  });

  it('refuses an entry with a wildcard action or a source that is not AWS documentation, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'automation-permissions-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bad.json');
    const good = JSON.parse(readFileSync(PERMISSIONS_FILE, 'utf8')) as { runbooks: unknown[] };
    const [first] = good.runbooks as Array<Record<string, unknown>>;
    const bad = { ...good, runbooks: [{ ...first, actions: ['rds:*'], source: 'https://example.com/x' }] };
    writeFileSync(file, JSON.stringify(bad));
    expect(() => loadAutomationPermissions(file)).toThrow(
      /runbooks\.0\.source: .*\n.*runbooks\.0\.actions\.0: expected service:Action/,
    );
  });
});

describe('the AutomationRole in deploy/cloudformation.yml', () => {
  it('allows exactly the union of the actions in deploy/automation-permissions.json', () => {
    for (const scenario of CREATES_ROLE) {
      const allowed = actionsOf(roleStatements(scenario, 'AutomationRole'));
      const expected = automationActions(permissions);
      expect({
        missing: expected.filter((action) => !allowed.includes(action)),
        notListed: allowed.filter((action) => !expected.includes(action)),
        duplicated: allowed.filter((action, i) => allowed.indexOf(action) !== i),
      }).toEqual({ missing: [], notListed: [], duplicated: [] });
    }
  });

  it("scopes the RDS actions to the stack's own account, in every Region a runbook may run in", () => {
    const statements = roleStatements('https, HTTP mode', 'AutomationRole');
    const rds = statements.filter((statement) => [statement.Action].flat().some((a) => a.startsWith('rds:')));
    expect(rds.map((statement) => statement.Resource)).toEqual([
      { $cfnIntrinsic: 'string', from: 'Fn::Sub' },
    ]);
    expect(readFileSync('deploy/cloudformation.yml', 'utf8')).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub text, not a JavaScript template
      'Resource: !Sub arn:${AWS::Partition}:rds:*:${AWS::AccountId}:*',
    );
  });

  it('may be assumed by SSM only, for automations of this account', () => {
    const trust = resolved('https, HTTP mode').resources.AutomationRole?.Properties
      ?.AssumeRolePolicyDocument as {
      Statement: Array<Record<string, unknown>>;
    };
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'ssm.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': { $cfnIntrinsic: 'string', from: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': { $cfnIntrinsic: 'string', from: 'Fn::Sub' } },
        },
      },
    ]);
  });

  it('is created when AutomationRoleArn is empty, and its ARN is output with the warroom.yml key to set', () => {
    for (const scenario of CREATES_ROLE) {
      const { resources, outputs } = resolved(scenario);
      expect(resources.AutomationRole?.Type).toBe('AWS::IAM::Role');
      expect(outputs.AutomationRoleArn?.Value).toEqual({
        $cfnIntrinsic: 'string',
        from: 'GetAtt AutomationRole.Arn',
      });
      expect(outputs.AutomationRoleArn?.Description).toContain('set automation.roleArn in warroom.yml');
    }
  });

  it('is not created when AutomationRoleArn is given: that role is passed and output instead', () => {
    const { resources, outputs } = resolved('sqs, everything set');
    expect(resources.AutomationRole).toBeUndefined();
    expect(outputs.AutomationRoleArn?.Value).toBe(GIVEN_AUTOMATION_ROLE);
  });

  it("is named so deploy/iam-policy.json's PassRole covers it: within IAM's 64 characters, one per stack", () => {
    const policy = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as {
      Statement: Array<{ Sid: string; Resource: string }>;
    };
    const pattern =
      policy.Statement.find((statement) => statement.Sid === 'PassAutomationRole')?.Resource ?? '';
    // IAM's ARN wildcards: * any run of characters, ? one.
    const glob = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    const longestStackName = `w${'x'.repeat(127)}`;
    const names = ['ap-southeast-2', 'us-gov-west-1', 'us-east-1'].map((region, i) => {
      const stackId = `arn:aws:cloudformation:${region}:123456789012:stack/${longestStackName}/${i}1b2c3d4-5e6f-11ef-8a9b-0a1b2c3d4e5f`;
      const { resources } = resolved(CREATES_ROLE[0] as string, {
        'AWS::Region': region,
        'AWS::StackId': stackId,
      });
      return resources.AutomationRole?.Properties?.RoleName;
    });
    for (const name of names) {
      expect(typeof name === 'string' && name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(/^[\w+=,.@-]{1,64}$/);
      expect(`arn:aws:iam::123456789012:role/${name}`).toMatch(glob);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('warroom-automation-ap-southeast-2-01b2c3d4');
  });
});
