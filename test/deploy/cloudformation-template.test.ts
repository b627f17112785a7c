import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCfnTemplate } from '../../scripts/deploy-checks/cfn-template.ts';
import { checkCfnTemplate } from '../../scripts/deploy-checks/check-cfn-template.ts';
import { usedResourceTypes } from '../../scripts/deploy-checks/used-resource-types.ts';
import {
  ACCOUNT_ROLES,
  actionsOf,
  GIVEN_AUTOMATION_ROLE,
  resolved,
  SCENARIOS,
  type Statement,
  schemas,
  secret,
  roleStatements as statementsOf,
  TEMPLATE,
  TOPICS,
} from './deploy-scenarios.ts';

const roleStatements = (scenario: string) => statementsOf(scenario, 'WarroomRole');

/** Every action of deploy/iam-policy.json, read from the generated file (`npm run iam`). */
const generated = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as { Statement: Statement[] };
const generatedActions = [...new Set(actionsOf(generated.Statement))].sort();
const isStoreAction = (action: string) => action.startsWith('dynamodb:');
/** Without the DynamoDB store the role has no DynamoDB action at all. */
const sqliteActions = generatedActions.filter((action) => !isStoreAction(action));

describe('deploy/cloudformation.yml', () => {
  it('passes the template check (names, parameters, rules, resource schemas) in every scenario', () => {
    expect(checkCfnTemplate(TEMPLATE, schemas, SCENARIOS)).toEqual([]);
  });

  it('vendors the schemas of exactly the resource types it uses', () => {
    expect([...schemas.keys()].sort()).toEqual(usedResourceTypes(TEMPLATE));
  });

  it('gives its role exactly the actions of deploy/iam-policy.json, plus reading the Slack secrets and assuming the account roles', () => {
    const actions = actionsOf(roleStatements('sqs, everything set'));
    const extra = ['secretsmanager:GetSecretValue', 'sts:AssumeRole'];
    expect(actions.filter((action) => !extra.includes(action))).toEqual(sqliteActions);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('drops the queue statement when there is no queue, and keeps PassRole for the role the stack creates', () => {
    const actions = actionsOf(roleStatements('https, HTTP mode'));
    const expected = sqliteActions.filter((action) => !action.startsWith('sqs:'));
    expect(actions).toEqual([...expected, 'secretsmanager:GetSecretValue'].sort());
  });

  it("gives its role the policy's DynamoDB actions with Store=dynamodb, on the stack's table and its indexes only", () => {
    const policyStore = generated.Statement.find((statement) => statement.Sid === 'WarroomStoreTable');
    for (const scenario of ['https, DynamoDB store', 'sqs, DynamoDB store with its own KMS key']) {
      const statements = roleStatements(scenario);
      const store = statements.filter((statement) => actionsOf([statement]).some(isStoreAction));
      expect(store).toEqual([
        {
          Sid: 'WarroomStoreTable',
          Effect: 'Allow',
          Action: policyStore?.Action,
          Resource: [
            { $cfnIntrinsic: 'string', from: 'GetAtt StoreTable.Arn' },
            { $cfnIntrinsic: 'string', from: 'Fn::Sub' },
          ],
        },
      ]);
    }
    // The Sub, worked out for a deployed table: its indexes, nothing wider.
    const arn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/warroom-StoreTable-1A2B3C';
    const template = loadCfnTemplate(TEMPLATE, SCENARIOS['https, DynamoDB store'] ?? {});
    const policies = template.resources.WarroomRole?.Properties?.Policies as Array<{
      PolicyDocument: { Statement: Array<{ 'Fn::If'?: [string, { Resource: unknown[] }] }> };
    }>;
    const conditional = policies[0]?.PolicyDocument.Statement.find(
      (statement) => statement['Fn::If']?.[0] === 'UseDynamoDbStore',
    );
    const sub = conditional?.['Fn::If']?.[1].Resource[1] as { 'Fn::Sub': string };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub text, not a JavaScript template
    expect(sub['Fn::Sub'].replace('${StoreTable.Arn}', arn)).toBe(`${arn}/index/*`);
  });

  it('tells the container where its store is: WARROOM_STORE=dynamodb:<the table> with Store=dynamodb', () => {
    const deployed = {
      'AWS::Region': 'eu-west-1',
      StoreTable: 'warroom-StoreTable-1A2B3C',
      NotificationQueue: 'https://sqs.eu-west-1.amazonaws.com/123456789012/warroom-NotificationQueue-X',
    };
    expect(resolved('https, DynamoDB store', deployed).outputs.WarroomEnvironment?.Value).toBe(
      'AWS_REGION=eu-west-1 WARROOM_STORE=dynamodb:warroom-StoreTable-1A2B3C',
    );
    expect(
      resolved('sqs, DynamoDB store with its own KMS key', deployed).outputs.WarroomEnvironment?.Value,
    ).toBe(
      `AWS_REGION=eu-west-1 SQS_QUEUE_URL=${deployed.NotificationQueue} WARROOM_STORE=dynamodb:warroom-StoreTable-1A2B3C`,
    );
    expect(resolved('https, HTTP mode', deployed).outputs.WarroomEnvironment?.Value).toBe(
      'AWS_REGION=eu-west-1',
    );
  });

  it("lets its role assume exactly the other accounts' roles listed, and none when none are", () => {
    const assume = roleStatements('sqs, everything set').filter(
      (statement) => statement.Action === 'sts:AssumeRole',
    );
    expect(assume).toEqual([
      { Sid: 'AssumeAccountRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ACCOUNT_ROLES },
    ]);
    for (const scenario of ['sqs, Socket Mode only', 'https, HTTP mode']) {
      expect(actionsOf(roleStatements(scenario))).not.toContain('sts:AssumeRole');
    }
  });

  it('scopes SQS actions to the queue, PassRole to the automation role for SSM, secrets to the three ARNs', () => {
    const statements = roleStatements('sqs, everything set');
    for (const statement of statements) {
      const actions = [statement.Action].flat();
      if (actions.some((action) => action.startsWith('sqs:'))) {
        expect({ actions, Resource: statement.Resource }).toEqual({
          actions,
          Resource: { $cfnIntrinsic: 'string', from: 'GetAtt NotificationQueue.Arn' },
        });
      }
    }
    const passRole = statements.find((statement) => statement.Action === 'iam:PassRole');
    expect(passRole).toMatchObject({
      Resource: GIVEN_AUTOMATION_ROLE,
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    });
    const created = roleStatements('https, HTTP mode').find(
      (statement) => statement.Action === 'iam:PassRole',
    );
    expect(created).toMatchObject({
      Resource: { $cfnIntrinsic: 'string', from: 'GetAtt AutomationRole.Arn' },
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    });
    const secrets = statements.find((statement) => statement.Action === 'secretsmanager:GetSecretValue');
    expect(secrets?.Resource).toEqual([secret('bot'), secret('signing'), secret('app')]);
    const socketMode = roleStatements('sqs, Socket Mode only');
    expect(socketMode.find((statement) => statement.Sid === 'ReadSlackSecrets')?.Resource).toEqual([
      secret('bot'),
      secret('app'),
    ]);
  });

  it('subscribes the queue to each topic, signed envelope kept, once the queue policy lets SNS send', () => {
    const { resources } = resolved('sqs, everything set');
    const subscriptions = Object.values(resources).filter(
      (resource) => resource.Type === 'AWS::SNS::Subscription',
    );
    expect(subscriptions.map((resource) => resource.Properties)).toEqual([
      expect.objectContaining({
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:incidents',
        Region: 'us-east-1',
        Protocol: 'sqs',
        RawMessageDelivery: false,
      }),
      expect.objectContaining({
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:rds-events',
        Region: 'eu-west-1',
        Protocol: 'sqs',
        RawMessageDelivery: false,
      }),
    ]);
    expect(subscriptions.every((resource) => resource.DependsOn === 'NotificationQueuePolicy')).toBe(true);
    const policy = resources.NotificationQueuePolicy?.Properties?.PolicyDocument as {
      Statement: Array<{ Action: string; Condition: unknown }>;
    };
    expect(policy.Statement).toMatchObject([
      { Action: 'sqs:SendMessage', Condition: { ArnEquals: { 'aws:SourceArn': TOPICS.split(',') } } },
    ]);
  });

  it('keeps the queue encrypted, long-polled, with a visibility timeout past the poll and a dead-letter queue', () => {
    const queue = resolved('sqs, everything set').resources.NotificationQueue?.Properties;
    expect(queue).toMatchObject({
      SqsManagedSseEnabled: true,
      ReceiveMessageWaitTimeSeconds: 20,
      RedrivePolicy: { maxReceiveCount: 5 },
    });
    expect(queue?.VisibilityTimeout).toBeGreaterThan(20);
    expect(resolved('sqs, everything set').resources.NotificationDeadLetterQueue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
    });
  });

  it('posts to <PublicBaseUrl>/sns over HTTPS and creates no queue in https mode', () => {
    const { resources } = resolved('https, HTTP mode');
    expect(Object.values(resources).map((resource) => resource.Type)).not.toContain('AWS::SQS::Queue');
    const endpoints = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::SNS::Subscription')
      .map((resource) => [resource.Properties?.Protocol, resource.Properties?.Endpoint]);
    expect(endpoints).toEqual([
      ['https', 'https://warroom.example.com/sns'],
      ['https', 'https://warroom.example.com/sns'],
    ]);
  });
});
