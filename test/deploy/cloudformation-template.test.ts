import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCfnTemplate, type ParameterValues } from '../../scripts/deploy-checks/cfn-template.ts';
import { checkCfnTemplate } from '../../scripts/deploy-checks/check-cfn-template.ts';
import { resolveScenario } from '../../scripts/deploy-checks/resolve-scenario.ts';
import { loadResourceSchemas } from '../../scripts/deploy-checks/resource-schemas.ts';
import { usedResourceTypes } from '../../scripts/deploy-checks/used-resource-types.ts';

const TEMPLATE = readFileSync('deploy/cloudformation.yml', 'utf8');
const schemas = loadResourceSchemas('deploy/schemas');
const secret = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:warroom/${name}-AbCdEf`;
const TOPICS = 'arn:aws:sns:us-east-1:123456789012:incidents,arn:aws:sns:eu-west-1:123456789012:rds-events';

/** The deployments the template is checked for: each mode, with every optional secret and without. */
const SCENARIOS: Record<string, ParameterValues> = {
  'sqs, everything set': {
    TopicArns: TOPICS,
    SlackBotTokenSecretArn: secret('bot'),
    SlackSigningSecretArn: secret('signing'),
    SlackAppTokenSecretArn: secret('app'),
    AutomationRoleArn: 'arn:aws:iam::123456789012:role/warroom-automation',
  },
  'sqs, Socket Mode only': {
    TopicArns: 'arn:aws:sns:us-east-1:123456789012:incidents',
    SlackBotTokenSecretArn: secret('bot'),
    SlackAppTokenSecretArn: secret('app'),
    RunnerServicePrincipal: 'tasks.apprunner.amazonaws.com',
  },
  'https, HTTP mode': {
    TopicArns: TOPICS,
    IntakeMode: 'https',
    PublicBaseUrl: 'https://warroom.example.com',
    SlackBotTokenSecretArn: secret('bot'),
    SlackSigningSecretArn: secret('signing'),
  },
};

function resolved(scenario: string) {
  return resolveScenario(loadCfnTemplate(TEMPLATE, SCENARIOS[scenario]!), SCENARIOS[scenario]!, schemas);
}

interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}
function roleStatements(scenario: string): Statement[] {
  const role = resolved(scenario).resources.WarroomRole!;
  const policies = role.Properties?.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}
const actionsOf = (statements: Statement[]) =>
  statements.flatMap((statement) => [statement.Action].flat()).sort();

/** Every action of deploy/iam-policy.json, read from the generated file (`npm run iam`). */
const generated = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as { Statement: Statement[] };
const generatedActions = [...new Set(actionsOf(generated.Statement))].sort();

describe('deploy/cloudformation.yml', () => {
  it('passes the template check (names, parameters, rules, resource schemas) in every scenario', () => {
    expect(checkCfnTemplate(TEMPLATE, schemas, SCENARIOS)).toEqual([]);
  });

  it('vendors the schemas of exactly the resource types it uses', () => {
    expect([...schemas.keys()].sort()).toEqual(usedResourceTypes(TEMPLATE));
  });

  it('gives its role exactly the actions of deploy/iam-policy.json, plus reading the Slack secrets', () => {
    const actions = actionsOf(roleStatements('sqs, everything set'));
    expect(actions.filter((action) => action !== 'secretsmanager:GetSecretValue')).toEqual(generatedActions);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('drops the queue and PassRole statements when there is no queue and no automation role', () => {
    const actions = actionsOf(roleStatements('https, HTTP mode'));
    const expected = generatedActions.filter(
      (action) => !action.startsWith('sqs:') && action !== 'iam:PassRole',
    );
    expect(actions).toEqual([...expected, 'secretsmanager:GetSecretValue'].sort());
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
      Resource: 'arn:aws:iam::123456789012:role/warroom-automation',
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
