import { describe, expect, it } from 'vitest';
import { checkTemplate, resolveTemplates } from '../../src/runbooks/template.ts';

describe('runbook parameter templates', () => {
  it('fills every placeholder and keeps literal text around it', () => {
    expect(
      resolveTemplates(
        { InstanceId: '{{resource.id}}', Snapshot: 'before-{{ resource.id }}-fix', Action: 'Stop' },
        { 'resource.id': 'orders-db' },
      ),
    ).toEqual({
      ok: true,
      values: { InstanceId: 'orders-db', Snapshot: 'before-orders-db-fix', Action: 'Stop' },
    });
  });

  it('names the parameter and the missing value when a required placeholder has none', () => {
    expect(resolveTemplates({ AutomationAssumeRole: '{{config.automationRoleArn}}' }, {})).toEqual({
      ok: false,
      problems: [
        'AutomationAssumeRole needs {{config.automationRoleArn}} (automation.roleArn from the config), which is not known',
      ],
    });
  });

  it('leaves out a parameter whose optional placeholder has no value (SSM refuses empty values)', () => {
    expect(
      resolveTemplates(
        { InstanceId: '{{resource.id}}', AutomationAssumeRole: '{{config.automationRoleArn?}}' },
        { 'resource.id': 'orders-db' },
      ),
    ).toEqual({ ok: true, values: { InstanceId: 'orders-db' } });
  });

  it('refuses unknown placeholders, at config load and at resolution', () => {
    expect(checkTemplate('{{resource.name}}')).toEqual([
      expect.stringMatching(/^unknown placeholder \{\{resource\.name\}\}/),
    ]);
    expect(checkTemplate('{{resource.resourceId}}-{{incident.arn?}}')).toEqual([]);
    expect(resolveTemplates({ X: '{{nope}}' }, {})).toEqual({
      ok: false,
      problems: ['X: unknown placeholder {{nope}}'],
    });
  });
});
