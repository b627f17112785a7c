import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../sandbox/aws/model/service-model.ts';
import { validateShape } from '../../../sandbox/aws/validation/validate-shape.ts';
import { formatValidationMessage } from '../../../sandbox/aws/validation/validation-issue.ts';

const incidents = loadServiceModel('ssm-incidents');
const ssm = loadServiceModel('ssm');
const ARN = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';

function messageFor(model: typeof incidents, shape: string, value: unknown): string {
  return formatValidationMessage(validateShape(model, shape, value));
}

describe('validateShape', () => {
  it('accepts a valid input', () => {
    expect(
      validateShape(incidents, 'UpdateIncidentRecordInput', { arn: ARN, impact: 2, status: 'OPEN' }),
    ).toEqual([]);
  });

  it('reports an integer above its range in AWS wording', () => {
    expect(messageFor(incidents, 'UpdateIncidentRecordInput', { arn: ARN, impact: 7 })).toBe(
      "1 validation error detected: Value '7' at 'impact' failed to satisfy constraint: Member must have value less than or equal to 5",
    );
  });

  it('reports a missing required member as null', () => {
    expect(messageFor(incidents, 'UpdateIncidentRecordInput', {})).toBe(
      "1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null",
    );
  });

  it('collects several issues, joined by semicolons', () => {
    const message = messageFor(incidents, 'UpdateIncidentRecordInput', {
      arn: 'not-an-arn',
      impact: 0,
      status: 'CLOSED',
    });
    expect(message).toMatch(/^3 validation errors detected: /);
    expect(message).toContain(
      "Value 'not-an-arn' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern",
    );
    expect(message).toContain(
      "Value '0' at 'impact' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(message).toContain(
      "Value 'CLOSED' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [OPEN, RESOLVED]",
    );
  });

  it('checks string length limits', () => {
    const issues = validateShape(incidents, 'CreateTimelineEventInput', {
      incidentRecordArn: ARN,
      eventTime: new Date(),
      eventType: 'Note',
      eventData: 'x'.repeat(12001),
    });
    expect(issues.map((issue) => [issue.path, issue.constraint])).toEqual([
      ['eventData', 'Member must have length less than or equal to 12000'],
    ]);
  });

  it('names list items by position, AWS style', () => {
    const issues = validateShape(incidents, 'ListIncidentRecordsInput', { filters: [{ key: 'status' }] });
    expect(issues.map((issue) => issue.path)).toEqual(['filters.1.member.condition']);
  });

  it('reports list size limits', () => {
    const filters = Array.from({ length: 6 }, () => ({
      key: 'status',
      condition: { equals: { stringValues: ['OPEN'] } },
    }));
    const [issue] = validateShape(incidents, 'ListIncidentRecordsInput', { filters });
    expect(issue?.constraint).toBe('Member must have length less than or equal to 5');
  });

  it('requires exactly one member of a union', () => {
    const none = validateShape(incidents, 'UpdateIncidentRecordInput', { arn: ARN, chatChannel: {} });
    const two = validateShape(incidents, 'UpdateIncidentRecordInput', {
      arn: ARN,
      chatChannel: { empty: {}, chatbotSns: ['arn:aws:sns:us-east-1:123456789012:t'] },
    });
    expect(none.map((issue) => issue.path)).toEqual(['chatChannel']);
    expect(two.map((issue) => issue.constraint)).toEqual(['Member must have exactly one member set']);
  });

  it('reports scalar list members once for the whole list', () => {
    const issues = validateShape(ssm, 'StartAutomationExecutionRequest', {
      DocumentName: 'AWS-RebootRdsInstance',
      Parameters: { InstanceId: ['', 'x'.repeat(600)] },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('parameters.InstanceId');
    expect(issues[0]?.constraint).toBe(
      'Member must satisfy constraint: [Member must have length greater than or equal to 1, Member must have length less than or equal to 512]',
    );
  });

  it('checks map key constraints and map size', () => {
    const issues = validateShape(ssm, 'StartAutomationExecutionRequest', {
      DocumentName: 'AWS-RebootRdsInstance',
      Parameters: { ['k'.repeat(51)]: ['v'] },
    });
    expect(issues.map((issue) => issue.constraint)).toEqual([
      'Map keys must satisfy constraint: [Member must have length less than or equal to 50]',
    ]);
    expect(
      validateShape(ssm, 'StartAutomationExecutionRequest', { DocumentName: 'AWS-X', Parameters: {} })[0]
        ?.constraint,
    ).toBe('Member must have length greater than or equal to 1');
  });

  it('rejects wrong types for timestamps, booleans, blobs and integers', () => {
    const rds = loadServiceModel('rds');
    const issues = validateShape(incidents, 'CreateTimelineEventInput', {
      incidentRecordArn: ARN,
      eventTime: 'yesterday',
      eventType: 'Note',
      eventData: '',
    });
    expect(issues.map((issue) => issue.constraint)).toEqual(['Member must be a timestamp']);
    expect(
      validateShape(rds, 'RebootDBInstanceMessage', { DBInstanceIdentifier: 'db', ForceFailover: 'yes' })[0]
        ?.constraint,
    ).toBe('Member must be a boolean');
    expect(
      validateShape(incidents, 'UpdateIncidentRecordInput', { arn: ARN, impact: 2.5 })[0]?.constraint,
    ).toBe('Member must be an integer');
  });

  it('treats a 36-character non-UUID SSM ClientToken as a pattern violation', () => {
    const issues = validateShape(ssm, 'StartAutomationExecutionRequest', {
      DocumentName: 'AWS-RebootRdsInstance',
      ClientToken: 'z'.repeat(36),
    });
    expect(issues.map((issue) => issue.path)).toEqual(['clientToken']);
    expect(issues[0]?.constraint).toMatch(/^Member must satisfy regular expression pattern/);
  });

  it('hides sensitive values in the message', () => {
    const message = formatValidationMessage([
      {
        path: 'value',
        members: ['Value'],
        kind: 'invalid',
        value: 's3cret',
        sensitive: true,
        constraint: 'Member must x',
      },
    ]);
    expect(message).toBe(
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must x",
    );
  });
});
