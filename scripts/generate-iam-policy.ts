/**
 * `npm run iam`: writes deploy/iam-policy.json, warroom's least-privilege policy, from the AWS
 * actions the code actually calls (scripts/aws-calls.ts). A test fails when the code calls an
 * action the committed policy lacks, so re-run this after adding an AWS call.
 */
import { writeFileSync } from 'node:fs';
import { findAwsActions } from './aws-calls.ts';

export function buildIamPolicy(actions: readonly string[]) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'WarroomCalls', Effect: 'Allow', Action: [...actions], Resource: '*' },
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
  console.log(`deploy/iam-policy.json: ${policy.Statement[0]?.Action.length} actions`);
}
