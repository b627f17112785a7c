import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCfnTemplate } from '../../scripts/deploy-checks/check-cfn-template.ts';
import { loadResourceSchemas } from '../../scripts/deploy-checks/resource-schemas.ts';
import { createPropertyValidator } from '../../scripts/deploy-checks/validate-resource-properties.ts';

/** The template check must catch what cfn-lint catches: each case breaks one thing in a copy. */
const TEMPLATE = readFileSync('deploy/cloudformation.yml', 'utf8');
const schemas = loadResourceSchemas('deploy/schemas');
const secret = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:warroom/${name}-AbCdEf`;
const SQS = {
  TopicArns: 'arn:aws:sns:us-east-1:123456789012:incidents',
  SlackBotTokenSecretArn: secret('bot'),
  SlackSigningSecretArn: secret('signing'),
  AutomationRoleArn: 'arn:aws:iam::123456789012:role/warroom-automation',
};
const KMS_KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const HTTPS = { ...SQS, IntakeMode: 'https', PublicBaseUrl: 'https://warroom.example.com' };

function checkBroken(from: string, to: string, scenario: Record<string, string> = SQS): string[] {
  expect(TEMPLATE).toContain(from);
  return checkCfnTemplate(TEMPLATE.replace(from, to), schemas, { deploy: scenario });
}

describe('the CloudFormation template check', () => {
  it('passes the real template (so every failure below comes from the one break)', () => {
    expect(checkCfnTemplate(TEMPLATE, schemas, { sqs: SQS, https: HTTPS })).toEqual([]);
  });

  it('catches a misspelt property', () => {
    expect(checkBroken('ReceiveMessageWaitTimeSeconds: 20', 'ReceiveMessageWaitTimeSecond: 20')).toContain(
      'deploy: Resources.NotificationQueue.Properties: must NOT have additional properties: ReceiveMessageWaitTimeSecond',
    );
  });

  it('catches a misspelt property inside an Fn::ForEach body, once per topic', () => {
    const problems = checkBroken('RawMessageDelivery: false', 'RawMesageDelivery: false', {
      ...SQS,
      TopicArns: `${SQS.TopicArns},arn:aws:sns:eu-west-1:123456789012:rds`,
    });
    expect(problems.filter((line) => line.endsWith('additional properties: RawMesageDelivery'))).toHaveLength(
      2,
    );
  });

  it('catches a missing required property', () => {
    expect(checkBroken('      Queues: [!Ref NotificationQueue]\n', '')).toContain(
      "deploy: Resources.NotificationQueuePolicy.Properties: must have required property 'Queues'",
    );
  });

  it("catches the DynamoDB table's list rules: key order, repeated attributes, KMS key without SSEType", () => {
    const dynamodb = { ...SQS, Store: 'dynamodb', StoreKmsKeyArn: KMS_KEY };
    const where = 'deploy: Resources.StoreTable.Properties';
    const swapped = checkBroken(
      '        - { AttributeName: pk, KeyType: HASH }\n        - { AttributeName: sk, KeyType: RANGE }',
      '        - { AttributeName: sk, KeyType: RANGE }\n        - { AttributeName: pk, KeyType: HASH }',
      dynamodb,
    );
    expect(swapped).toContain(`${where}.KeySchema: must pass "prefixItems" keyword validation`);
    const repeated = checkBroken(
      '        - { AttributeName: sk, AttributeType: S }\n',
      '        - { AttributeName: sk, AttributeType: S }\n        - { AttributeName: sk, AttributeType: N }\n',
      dynamodb,
    );
    expect(repeated).toContain(`${where}.AttributeDefinitions: must pass "uniqueKeys" keyword validation`);
    const keyOnly = checkBroken(
      'SSEEnabled: true, SSEType: KMS, KMSMasterKeyId',
      'SSEEnabled: true, KMSMasterKeyId',
      dynamodb,
    );
    expect(keyOnly).toContain(
      `${where}.SSESpecification: must have property SSEType when property KMSMasterKeyId is present`,
    );
  });

  it('catches a value out of range and a value of the wrong type', () => {
    expect(checkBroken('VisibilityTimeout: 120', 'VisibilityTimeout: 50000')).toContain(
      'deploy: Resources.NotificationQueue.Properties.VisibilityTimeout: must be <= 43200',
    );
    expect(checkBroken('MessageRetentionPeriod: 345600', 'MessageRetentionPeriod: 4 days')).toContain(
      'deploy: Resources.NotificationQueue.Properties.MessageRetentionPeriod: must be integer',
    );
  });

  it('catches a deploy-time value of the wrong type (a single Ref where a list belongs)', () => {
    expect(checkBroken('Queues: [!Ref NotificationQueue]', 'Queues: !Ref NotificationQueue')).toContain(
      'deploy: Resources.NotificationQueuePolicy.Properties.Queues: a deploy-time string does not fit here (expected array)',
    );
  });

  it('catches a value that breaks a schema pattern, and a read-only property set', () => {
    expect(checkBroken('Description: warroom, the Slack incident bot', 'RoleName: "war room"')).toContain(
      'deploy: Resources.WarroomRole.Properties.RoleName: must match pattern "^[\\w+=,.@-]+$"',
    );
    expect(
      checkBroken('SqsManagedSseEnabled: true # SSE', 'Arn: x\n      SqsManagedSseEnabled: true # SSE'),
    ).toContain('deploy: Resources.NotificationQueue.Properties.Arn: read-only, CloudFormation sets it');
  });

  it('catches a resource type it has no schema for', () => {
    expect(checkBroken('Type: AWS::IAM::Role', 'Type: AWS::IAM::Rol')).toContain(
      'Resources.WarroomRole: no vendored schema for type AWS::IAM::Rol',
    );
  });

  it('catches a Ref, GetAtt, Sub variable, condition or DependsOn naming nothing', () => {
    expect(checkBroken('Queues: [!Ref NotificationQueue]', 'Queues: [!Ref NotificationQueues]')).toContain(
      'Resources.NotificationQueuePolicy.Properties.Queues[0].Ref: NotificationQueues is not a parameter or resource',
    );
    expect(checkBroken('Value: !GetAtt WarroomRole.Arn', 'Value: !GetAtt WarroomRole.RoleArn')).toContain(
      'Outputs.RoleArn.Value.Fn::GetAtt: AWS::IAM::Role has no attribute RoleArn (WarroomRole.RoleArn)',
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub text, not a JavaScript template
    expect(checkBroken('Endpoint: !Sub ${PublicBaseUrl}/sns', 'Endpoint: !Sub ${PublicUrl}/sns')).toContain(
      'Resources.Fn::ForEach::HttpsSubscriptions.HttpsSubscription&{TopicArn}.Properties.Endpoint.Fn::Sub: PublicUrl is not a parameter or resource',
    );
    expect(
      checkBroken('Resource: !If [CreateAutomationRole,', 'Resource: !If [CreateAutomationRol,'),
    ).toContain(
      'Resources.WarroomRole.Properties.Policies[0].PolicyDocument.Statement[2].Resource.Fn::If: no condition named CreateAutomationRol',
    );
    expect(checkBroken('DependsOn: NotificationQueuePolicy', 'DependsOn: QueuePolicy')).toContain(
      'Resources.Fn::ForEach::QueueSubscriptions.QueueSubscription&{TopicArn}.DependsOn: no resource named QueuePolicy',
    );
  });

  it('catches a parameter nothing uses', () => {
    expect(
      checkBroken('Parameters:\n', 'Parameters:\n  Unused:\n    Type: String\n    Default: x\n'),
    ).toContain('Parameters.Unused: declared but never used');
  });

  it('catches a use of a conditional resource where its condition may not hold', () => {
    const problems = checkBroken('QueueUrl:\n    Condition: IsSqsIntake\n', 'QueueUrl:\n');
    expect(problems).toContain(
      'Outputs.QueueUrl.Value.Ref: uses NotificationQueue, which exists only when IsSqsIntake holds, where it may not',
    );
    const passRole = checkBroken(
      'Resource: !If [CreateAutomationRole, !GetAtt AutomationRole.Arn, !Ref AutomationRoleArn]',
      'Resource: !GetAtt AutomationRole.Arn',
    );
    expect(passRole).toContain(
      'Resources.WarroomRole.Properties.Policies[0].PolicyDocument.Statement[2].Resource.Fn::GetAtt: uses AutomationRole, which exists only when CreateAutomationRole holds, where it may not',
    );
  });

  it('holds parameter values to AllowedPattern/AllowedValues and the Rules', () => {
    expect(
      checkBroken('', '', { ...SQS, TopicArns: 'arn:aws:sns:us-east-1:123456789012:orders.fifo' }),
    ).toContain(
      'deploy: Parameters.TopicArns: arn:aws:sns:us-east-1:123456789012:orders.fifo does not match ^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$',
    );
    expect(checkBroken('', '', { ...SQS, IntakeMode: 'http' })).toContain(
      'deploy: Parameters.IntakeMode: http is not one of sqs, https',
    );
    expect(checkBroken('', '', { ...HTTPS, PublicBaseUrl: '' })).toContain(
      'deploy: Rules.HttpsIntakeNeedsPublicUrl: IntakeMode https needs PublicBaseUrl (SNS posts to <PublicBaseUrl>/sns)',
    );
    expect(checkBroken('', '', { ...SQS, SlackSigningSecretArn: '' })).toContain(
      'deploy: Rules.SlackNeedsSigningSecretOrAppToken: set SlackSigningSecretArn (HTTP mode) or SlackAppTokenSecretArn (Socket Mode)',
    );
  });

  it('reports an intrinsic function it cannot evaluate instead of passing it', () => {
    expect(
      checkBroken('MessageRetentionPeriod: 345600', 'MessageRetentionPeriod: !FindInMap [A, B, C]'),
    ).toContain(
      'deploy: Resources.NotificationQueue.Properties.MessageRetentionPeriod: Fn::FindInMap is not resolved by this check (add it to resolve-scenario.ts)',
    );
  });

  it('refuses a schema keyword it does not know instead of skipping what it would check', () => {
    const queue = schemas.get('AWS::SQS::Queue')!;
    const unknownKeyword = new Map([
      ['AWS::SQS::Queue', { ...queue, requiredXor: ['QueueName', 'FifoQueue'] }],
    ]);
    expect(() => createPropertyValidator(unknownKeyword)('Queue', 'AWS::SQS::Queue', {})).toThrow(
      'unknown keyword: "requiredXor"',
    );
  });
});
