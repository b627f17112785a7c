import { describe, expect, it } from 'vitest';
import { loadAwsRunbooks } from '../../sandbox/aws/services/ssm/runbook-catalog.ts';
import { runbookEntrySchema } from '../../src/config/runbooks-schema.ts';
import { DEFAULT_RUNBOOKS } from '../../src/runbooks/default-catalog.ts';
import { catalogWarnings } from '../../src/runbooks/merge-catalog.ts';
import { fittingRunbooks } from '../../src/runbooks/runbook.ts';
import { placeholdersIn } from '../../src/runbooks/template.ts';

const documents = new Map(loadAwsRunbooks().map((runbook) => [runbook.name, runbook]));

describe('the default runbook catalog', () => {
  it('every entry passes the same validation as a configured one', () => {
    for (const runbook of DEFAULT_RUNBOOKS) expect(runbookEntrySchema.parse(runbook)).toEqual(runbook);
  });

  it("uses only the documents' real parameter names, and fills every required one", () => {
    for (const runbook of DEFAULT_RUNBOOKS) {
      const document = documents.get(runbook.document);
      expect(document, runbook.document).toBeDefined();
      const names = new Set(document?.parameters.map((parameter) => parameter.name));
      for (const name of [...Object.keys(runbook.parameters), ...runbook.editable]) {
        expect(names.has(name), `${runbook.id}: ${name}`).toBe(true);
      }
      for (const parameter of document?.parameters ?? []) {
        if (parameter.defaultValue !== undefined) continue;
        expect(runbook.parameters[parameter.name], `${runbook.id}: ${parameter.name}`).toBeDefined();
      }
    }
  });

  it('passes DbiResourceId-style parameters the resource id, never the DB identifier', () => {
    const remediation = DEFAULT_RUNBOOKS.filter((runbook) =>
      runbook.document.startsWith('AWSConfigRemediation-'),
    );
    expect(remediation.length).toBe(3);
    for (const runbook of remediation) {
      const idParameter = Object.entries(runbook.parameters).find(([name]) => /ResourceId$/.test(name));
      expect(placeholdersIn(idParameter?.[1] ?? '')).toEqual(['resource.resourceId']);
      expect(runbook.parameters['AutomationAssumeRole']).toBe('{{config.automationRoleArn}}');
    }
  });

  it('offers an RDS instance incident only instance runbooks, and a cluster only cluster ones', () => {
    const instance = fittingRunbooks(DEFAULT_RUNBOOKS, { kind: 'rds-instance', id: 'orders-db' });
    expect(instance.map((runbook) => runbook.id)).toContain('reboot-instance');
    expect(instance.every((runbook) => runbook.resource === 'rds-instance')).toBe(true);
    const cluster = fittingRunbooks(DEFAULT_RUNBOOKS, { kind: 'rds-cluster', id: 'orders' });
    expect(cluster.map((runbook) => runbook.id)).toEqual(['start-cluster', 'stop-cluster']);
    expect(fittingRunbooks(DEFAULT_RUNBOOKS, undefined)).toEqual([]);
    expect(fittingRunbooks(DEFAULT_RUNBOOKS, { kind: 'cloudwatch-alarm', id: 'x' })).toEqual([]);
  });

  it('warns at start-up which runbooks cannot run without automation.roleArn', () => {
    expect(catalogWarnings(DEFAULT_RUNBOOKS, undefined)).toEqual([
      'automation.roleArn is not set: runbooks enable-backups, enable-multi-az, disable-public-access need it and will refuse to run',
    ]);
    expect(catalogWarnings(DEFAULT_RUNBOOKS, 'arn:aws:iam::123456789012:role/x')).toEqual([]);
  });
});
