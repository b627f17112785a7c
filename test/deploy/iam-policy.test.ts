import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActionsIn, findAwsActions } from '../../scripts/aws-calls.ts';
import { buildIamPolicy, STORE_TABLE_RESOURCES } from '../../scripts/generate-iam-policy.ts';

const committed = JSON.parse(readFileSync('deploy/iam-policy.json', 'utf8')) as {
  Statement: Array<{ Sid: string; Action: string | string[]; Resource: string | string[] }>;
};
const statement = (sid: string) => committed.Statement.find((candidate) => candidate.Sid === sid);
const actionsOf = (sid: string) => [statement(sid)?.Action ?? []].flat();
/** Everything warroom's own calls are allowed: the calls on any resource and the store's table. */
const allowed = [...actionsOf('WarroomCalls'), ...actionsOf('WarroomStoreTable')];
const called = findAwsActions();
const isStoreAction = (action: string) => action.startsWith('dynamodb:');

const MODEL_FILES: Record<string, string> = {
  sns: 'sns',
  'ssm-incidents': 'ssm-incidents',
  'ssm-contacts': 'ssm-contacts',
  ssm: 'ssm',
  rds: 'rds',
  cloudwatch: 'cloudwatch',
  sqs: 'sqs',
  dynamodb: 'dynamodb',
};

describe('deploy/iam-policy.json', () => {
  it('finds the AWS calls the code makes (the scan is not empty)', () => {
    expect(called).toContain('rds:DescribeDBInstances');
    expect(called).toContain('ssm:StartAutomationExecution');
    expect(called).toContain('cloudwatch:GetMetricWidgetImage');
    expect(called).toContain('dynamodb:DescribeTable');
    expect(called.length).toBeGreaterThanOrEqual(25);
  });

  it('allows every action the code calls (run `npm run iam` after adding an AWS call)', () => {
    expect(called.filter((action) => !allowed.includes(action))).toEqual([]);
  });

  it('allows nothing the code does not call (least privilege)', () => {
    expect(allowed.filter((action) => !called.includes(action))).toEqual([]);
  });

  it('lists for the store table exactly the DynamoDB actions the code calls', () => {
    const scanned = called.filter(isStoreAction);
    // The scan sees the adapter's transactions as their items (a claim's ConditionCheck included).
    expect(scanned).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']));
    expect(actionsOf('WarroomStoreTable')).toEqual(scanned);
  });

  it("grants DynamoDB only on warroom's tables and their indexes, never on every resource", () => {
    expect(actionsOf('WarroomCalls').filter(isStoreAction)).toEqual([]);
    expect(statement('WarroomCalls')?.Resource).toBe('*');
    expect(statement('WarroomStoreTable')?.Resource).toEqual(STORE_TABLE_RESOURCES);
    expect(STORE_TABLE_RESOURCES).toEqual([
      'arn:aws:dynamodb:*:*:table/warroom*',
      'arn:aws:dynamodb:*:*:table/warroom*/index/*',
    ]);
  });

  it('is exactly what the generator writes', () => {
    expect(committed).toEqual(buildIamPolicy(called));
  });

  it('names only operations that exist in the AWS service models', () => {
    // IAM actions that are not API operations: a transaction's ConditionCheck items are authorised
    // by dynamodb:ConditionCheckItem (AWS: "Using IAM with DynamoDB transactions").
    const iamOnly = new Set(['dynamodb:ConditionCheckItem']);
    for (const action of allowed.filter((candidate) => !iamOnly.has(candidate))) {
      const [prefix, operation] = action.split(':') as [string, string];
      const model = JSON.parse(readFileSync(`sandbox/aws/models/${MODEL_FILES[prefix]}.json`, 'utf8')) as {
        operations: Record<string, unknown>;
      };
      expect({ action, known: operation in model.operations }).toEqual({ action, known: true });
    }
  });
});

describe('scripts/aws-calls.ts', () => {
  it("reads lib-dynamodb's document-client commands as the DynamoDB actions they send", () => {
    const text = `import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand,
      QueryCommand, ScanCommand, TransactGetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
      new GetCommand({}); new PutCommand({}); new UpdateCommand({}); new DeleteCommand({});
      new QueryCommand({}); new TransactWriteCommand({}); new BatchGetCommand({}); new ScanCommand({});
      new TransactGetCommand({}); DynamoDBDocumentClient.from(client);`;
    expect(findActionsIn(text).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
    ]);
  });

  it('reads a transaction as the item actions IAM authorises it by, there being no Transact* IAM action', () => {
    const write = `import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
      new TransactWriteCommand({ TransactItems: [{ Put: {} }] });`;
    expect(findActionsIn(write).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    const checked = `import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
      new TransactWriteItemsCommand({ TransactItems: [{ ConditionCheck: {} }] });`;
    expect(findActionsIn(checked)).toContain('dynamodb:ConditionCheckItem');
    const read = `import { TransactGetCommand } from '@aws-sdk/lib-dynamodb'; new TransactGetCommand({});`;
    expect(findActionsIn(read)).toEqual(['dynamodb:GetItem']);
    expect(allowed.filter((action) => action.startsWith('dynamodb:Transact'))).toEqual([]);
  });

  it('tells same-named commands apart by the package they are imported from, aliases included', () => {
    const text = `import { QueryCommand as LowLevelQuery, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
      import { GetCommand as Get, QueryCommand } from '@aws-sdk/lib-dynamodb';
      new LowLevelQuery({}); new Get({}); new DescribeTableCommand({});`;
    expect(findActionsIn(text).sort()).toEqual([
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    // Imported is not called: only a constructed command is an action.
    expect(findActionsIn(`import { PutCommand } from '@aws-sdk/lib-dynamodb';`)).toEqual([]);
  });

  it("keeps bin/'s admin tools out of warroom's role: store:init's CreateTable is not a runtime call", () => {
    expect(findAwsActions('bin')).toEqual(
      expect.arrayContaining(['dynamodb:CreateTable', 'dynamodb:UpdateTimeToLive']),
    );
    expect(called).not.toContain('dynamodb:CreateTable');
    expect(called).not.toContain('dynamodb:UpdateTimeToLive');
    expect(allowed).not.toContain('dynamodb:CreateTable');
  });
});
