/**
 * `npm run iam`: writes deploy/iam-policy.json, warroom's least-privilege policy, from the AWS
 * actions the code actually calls (scripts/aws-calls.ts). A test fails when the code calls an
 * action the committed policy lacks, so re-run this after adding an AWS call.
 */
import { writeFileSync } from 'node:fs';
import { findAwsActions } from './aws-calls.ts';

/**
 * The tables the published policy covers, by name: `warroom` or any name starting with it
 * (`warroom-prod`, `warroom.eu`), and their indexes. Name the table so, or narrow this to yours.
 * (The CloudFormation template scopes its role to the table it creates instead.)
 */
export const STORE_TABLE_RESOURCES = [
  'arn:aws:dynamodb:*:*:table/warroom*',
  'arn:aws:dynamodb:*:*:table/warroom*/index/*',
];

const isStoreAction = (action: string) => action.startsWith('dynamodb:');

export function buildIamPolicy(actions: readonly string[]) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WarroomCalls',
        Effect: 'Allow',
        Action: actions.filter((action) => !isStoreAction(action)),
        Resource: '*',
      },
      // The store's table only: warroom reads and writes its own table and nothing else in DynamoDB.
      // Its transactions are authorised by their items' actions (IAM has no TransactWriteItems).
      {
        Sid: 'WarroomStoreTable',
        Effect: 'Allow',
        Action: actions.filter(isStoreAction),
        Resource: [...STORE_TABLE_RESOURCES],
      },
      {
        Sid: 'PassAutomationRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::*:role/warroom-automation*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const policy = buildIamPolicy(findAwsActions());
  writeFileSync('deploy/iam-policy.json', `${JSON.stringify(policy, null, 2)}\n`);
  const count = policy.Statement.reduce((sum, statement) => sum + [statement.Action].flat().length, 0);
  console.log(`deploy/iam-policy.json: ${count} actions`);
}
