import { readFileSync } from 'node:fs';
import { loadCfnTemplate, type ParameterValues } from '../../scripts/deploy-checks/cfn-template.ts';
import { resolveScenario, type Scenario } from '../../scripts/deploy-checks/resolve-scenario.ts';
import { loadResourceSchemas } from '../../scripts/deploy-checks/resource-schemas.ts';

/** The template as committed, and the vendored schemas it is checked against. */
export const TEMPLATE = readFileSync('deploy/cloudformation.yml', 'utf8');
export const schemas = loadResourceSchemas('deploy/schemas');

export const secret = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:warroom/${name}-AbCdEf`;
export const TOPICS =
  'arn:aws:sns:us-east-1:123456789012:incidents,arn:aws:sns:eu-west-1:123456789012:rds-events';
export const GIVEN_AUTOMATION_ROLE = 'arn:aws:iam::123456789012:role/warroom-automation';
/** Roles in two other accounts (deploy/account-role.yml) warroom may assume. */
export const ACCOUNT_ROLES = [
  'arn:aws:iam::210987654321:role/warroom',
  'arn:aws:iam::333333333333:role/ops/warroom',
];

/** A customer managed key for the DynamoDB table. */
export const STORE_KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * The deployments the template is checked for: each intake mode, with every optional secret and
 * without, with an automation role given and with the stack creating one, with each store.
 */
export const SCENARIOS: Record<string, ParameterValues> = {
  'sqs, everything set': {
    TopicArns: TOPICS,
    SlackBotTokenSecretArn: secret('bot'),
    SlackSigningSecretArn: secret('signing'),
    SlackAppTokenSecretArn: secret('app'),
    AutomationRoleArn: GIVEN_AUTOMATION_ROLE,
    AccountRoleArns: ACCOUNT_ROLES.join(','),
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
  'sqs, DynamoDB store with its own KMS key': {
    TopicArns: TOPICS,
    SlackBotTokenSecretArn: secret('bot'),
    SlackAppTokenSecretArn: secret('app'),
    Store: 'dynamodb',
    StoreKmsKeyArn: STORE_KEY,
  },
  'https, DynamoDB store': {
    TopicArns: TOPICS,
    IntakeMode: 'https',
    PublicBaseUrl: 'https://warroom.example.com',
    SlackBotTokenSecretArn: secret('bot'),
    SlackSigningSecretArn: secret('signing'),
    Store: 'dynamodb',
  },
};

/**
 * What CloudFormation would create for one of SCENARIOS; `deployed` gives pseudo parameters and
 * resources' Refs their deploy-time values, to check a name or an output exactly.
 */
export function resolved(
  scenario: keyof typeof SCENARIOS & string,
  deployed: Record<string, string> = {},
): Scenario {
  const values = SCENARIOS[scenario];
  if (!values) throw new Error(`no scenario named ${scenario}`);
  return resolveScenario(loadCfnTemplate(TEMPLATE, values), values, schemas, deployed);
}

export interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
  Principal?: unknown;
}

/** The statements of every inline policy of one role in one scenario. */
export function roleStatements(scenario: string, role: string): Statement[] {
  const properties = resolved(scenario).resources[role]?.Properties;
  if (!properties) throw new Error(`${scenario}: no ${role}`);
  const policies = properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

export const actionsOf = (statements: Statement[]) =>
  statements.flatMap((statement) => [statement.Action].flat()).sort();
