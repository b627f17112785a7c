import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const TABLE = 'warroom-test';
const key = (pk: string, sk = 'META') => ({ pk: { S: pk }, sk: { S: sk } });

describe('DynamoDB through the real SDK', () => {
  let emulator: AwsEmulator;
  let client: DynamoDBClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new DynamoDBClient(sdkConfig(emulator));
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('describes the table it created, active, in the account and Region that signed', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.TableArn).toBe(`arn:aws:dynamodb:us-east-1:123456789012:table/${TABLE}`);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['gsi1']);
  });

  it('refuses a second conditional put of the same key with ConditionalCheckFailedException', async () => {
    const put = () =>
      client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { ...key('INBOX#m-1'), body: { S: 'first' } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    await put();
    const error = await rejectionOf(put());
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await client.send(new GetItemCommand({ TableName: TABLE, Key: key('INBOX#m-1') }));
    expect(Item?.body).toEqual({ S: 'first' });
  });

  it('hands back the item that failed a condition when asked to (ALL_OLD)', async () => {
    const error = await rejectionOf(
      client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { ...key('INBOX#m-1'), body: { S: 'second' } },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect((error as unknown as ConditionalCheckFailedException).Item).toEqual({
      ...key('INBOX#m-1'),
      body: { S: 'first' },
    });
  });

  it('keeps binary and number values exactly, and reads several items at once', async () => {
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { ...key('BLOB'), data: { B: payload }, big: { N: '12345678901234567890.5' } },
      }),
    );
    const { Responses } = await client.send(
      new BatchGetItemCommand({ RequestItems: { [TABLE]: { Keys: [key('BLOB'), key('ABSENT')] } } }),
    );
    const [item] = Responses?.[TABLE] ?? [];
    expect(Responses?.[TABLE]).toHaveLength(1);
    expect(item?.data?.B).toEqual(payload);
    expect(item?.big).toEqual({ N: '12345678901234567890.5' });
  });

  it('serves an atomic counter with UpdateItem and a query on a GSI', async () => {
    const next = () =>
      client.send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: key('SEQ#incident'),
          UpdateExpression: 'ADD #n :one',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': { N: '1' } },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
    await next();
    const { Attributes } = await next();
    expect(Attributes?.n).toEqual({ N: '2' });
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { ...key('INC#1'), gsi1pk: { S: 'OPEN' }, gsi1sk: { S: '2026-01-01' } },
      }),
    );
    const { Items } = await client.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :open',
        ExpressionAttributeValues: { ':open': { S: 'OPEN' } },
      }),
    );
    expect(Items?.map((item) => item.pk?.S)).toEqual(['INC#1']);
  });

  it('cancels a whole transaction when one condition fails, writing nothing', async () => {
    await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { ...key('CLAIM#card'), owner: { S: 'a' } } }),
    );
    const error = await rejectionOf(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...key('INC#2'), title: { S: 'db down' } } } },
            {
              Update: {
                TableName: TABLE,
                Key: key('CLAIM#card'),
                UpdateExpression: 'SET #o = :me',
                ConditionExpression: 'attribute_not_exists(#o)',
                ExpressionAttributeNames: { '#o': 'owner' },
                ExpressionAttributeValues: { ':me': { S: 'b' } },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(error.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
    );
    expect((error as unknown as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'None' },
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: { ...key('CLAIM#card'), owner: { S: 'a' } },
      },
    ]);
    const written = await client.send(new GetItemCommand({ TableName: TABLE, Key: key('INC#2') }));
    expect(written.Item).toBeUndefined();
    const claim = await client.send(new GetItemCommand({ TableName: TABLE, Key: key('CLAIM#card') }));
    expect(claim.Item?.owner).toEqual({ S: 'a' });
  });

  it('applies every write of a transaction whose conditions all hold', async () => {
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: TABLE,
              Key: key('CLAIM#card'),
              ConditionExpression: '#o = :a',
              ExpressionAttributeNames: { '#o': 'owner' },
              ExpressionAttributeValues: { ':a': { S: 'a' } },
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: { ...key('INC#3'), title: { S: 'cache' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Delete: { TableName: TABLE, Key: key('INBOX#m-1') } },
        ],
      }),
    );
    const { Responses } = await client.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: TABLE, Key: key('INC#3') } },
          { Get: { TableName: TABLE, Key: key('INBOX#m-1') } },
        ],
      }),
    );
    expect(Responses).toEqual([{ Item: { ...key('INC#3'), title: { S: 'cache' } } }, {}]);
  });

  it('rolls back the writes already made when a later one fails while applying', async () => {
    await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { ...key('TEXT'), n: { S: 'not a number' } } }),
    );
    const error = await rejectionOf(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...key('INC#4') } } },
            {
              Update: {
                TableName: TABLE,
                Key: key('TEXT'),
                UpdateExpression: 'ADD n :one',
                ExpressionAttributeValues: { ':one': { N: '1' } },
              },
            },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(
      (error as unknown as TransactionCanceledException).CancellationReasons?.map((r) => r.Code),
    ).toEqual(['None', 'ValidationError']);
    const { Item } = await client.send(new GetItemCommand({ TableName: TABLE, Key: key('INC#4') }));
    expect(Item).toBeUndefined();
  });

  it('refuses a transaction naming the same item twice, as AWS does', async () => {
    const error = await rejectionOf(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: { ...key('INC#5'), v: { N: '1' } } } },
            { Delete: { TableName: TABLE, Key: key('INC#5') } },
          ],
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('Transaction request cannot include multiple operations on one item');
    const { Item } = await client.send(new GetItemCommand({ TableName: TABLE, Key: key('INC#5') }));
    expect(Item).toBeUndefined();
  });

  it('answers a repeated ClientRequestToken once, and refuses it for a different request', async () => {
    const write = (title: string) =>
      client.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: 'token-1',
          TransactItems: [
            {
              Put: {
                TableName: TABLE,
                Item: { ...key('INC#6'), title: { S: title } },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    await write('first');
    await write('first'); // a retry: the condition would fail, but the answer is the first one's
    const error = await rejectionOf(write('other'));
    expect(error.name).toBe('IdempotentParameterMismatchException');
  });

  it('keeps the TTL setting: described after an update, a second enable refused', async () => {
    const before = await client.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
    expect(before.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: TABLE,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    const after = await client.send(new DescribeTimeToLiveCommand({ TableName: TABLE }));
    expect(after.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    const again = await rejectionOf(
      client.send(
        new UpdateTimeToLiveCommand({
          TableName: TABLE,
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
        }),
      ),
    );
    expect(again.name).toBe('ValidationException');
    expect(again.message).toBe('TimeToLive is already enabled');
  });

  it('refuses a malformed request against the model before it reaches the table', async () => {
    const error = await rejectionOf(client.send(new GetItemCommand({ TableName: 'x', Key: key('INC#1') })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3/,
    );
  });

  it("refuses a malformed expression with dynalite's ValidationException", async () => {
    const error = await rejectionOf(
      client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: key('INC#7'),
          ConditionExpression: 'attribute_not_exists(',
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/^Invalid ConditionExpression: Syntax error/);
  });

  it('keeps tables per Region: another Region does not see this one', async () => {
    const west = new DynamoDBClient(sdkConfig(emulator, 'us-west-2'));
    const error = await rejectionOf(west.send(new DescribeTableCommand({ TableName: TABLE })));
    west.destroy();
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe(`Requested resource not found: Table: ${TABLE} not found`);
  });
});
