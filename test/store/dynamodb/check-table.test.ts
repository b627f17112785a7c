import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { checkTable, sdkTableReader, type TableReader } from '../../../src/store/dynamodb/index.ts';
import { createTableInput } from '../../../src/store/dynamodb/table-definition.ts';
import { sdkConfig } from '../../sandbox/aws/sdk-test-config.ts';

/** What DynamoDB says when an identity policy lacks the action (the SDK's error name and message). */
const DENIED_MESSAGE =
  'User: arn:aws:sts::123456789012:assumed-role/warroom/task is not authorized to perform: dynamodb:DescribeTable on resource: arn:aws:dynamodb:eu-west-1:123456789012:table/warroom because no identity-based policy allows the dynamodb:DescribeTable action';

describe('checkTable, the start-up check of the DynamoDB table (SDK against the local AWS)', () => {
  let emulator: AwsEmulator;
  let client: DynamoDBClient;
  let reader: TableReader;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new DynamoDBClient(sdkConfig(emulator, 'eu-west-1'));
    reader = sdkTableReader(client);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('answers nothing for a table made as store:init makes it, TTL on or off', async () => {
    await client.send(new CreateTableCommand(createTableInput('warroom-ok')));
    expect(await checkTable(reader, 'warroom-ok', 'eu-west-1')).toBeUndefined();
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'warroom-ok',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    expect(await checkTable(reader, 'warroom-ok', 'eu-west-1')).toBeUndefined();
  });

  it('names a missing table, its Region and the command that creates it', async () => {
    expect(await checkTable(reader, 'warroom-missing', 'eu-west-1')).toBe(
      'DynamoDB table warroom-missing (eu-west-1) does not exist: create it with npm run store:init -- dynamodb:warroom-missing (or deploy/cloudformation.yml with Store=dynamodb)',
    );
  });

  it('says in one line how a table made otherwise differs', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'warroom-other',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'warroom-other',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    );
    const problem = await checkTable(reader, 'warroom-other', 'eu-west-1');
    expect(problem).toBe(
      'DynamoDB table warroom-other (eu-west-1) does not match docs/store.md: key schema is id (HASH), expected pk (HASH) + sk (RANGE); global secondary index gsi1 is missing (keys gsi1pk (HASH) + gsi1sk (RANGE)); global secondary index gsi2 is missing (keys gsi2pk (HASH) + gsi2sk (RANGE)); TTL is on attribute ttl, expected expiresAt',
    );
    expect(problem).not.toContain('\n');
  });

  // The emulator simulates no IAM for DynamoDB: the denial is planned on the wire (failNext), so
  // the SDK's real error parsing is what the check sees.
  it('names the action a denied role lacks, and the table', async () => {
    await client.send(new CreateTableCommand(createTableInput('warroom-denied')));
    emulator.failNext('dynamodb', 'DescribeTable', {
      code: 'AccessDeniedException',
      message: DENIED_MESSAGE,
    });
    expect(await checkTable(reader, 'warroom-denied', 'eu-west-1')).toBe(
      `DynamoDB table warroom-denied (eu-west-1): warroom may not call dynamodb:DescribeTable on it (${DENIED_MESSAGE}); give its role the WarroomStoreTable statement of deploy/iam-policy.json`,
    );
    emulator.failNext('dynamodb', 'DescribeTimeToLive', {
      code: 'AccessDeniedException',
      message: 'not authorized to perform: dynamodb:DescribeTimeToLive',
    });
    expect(await checkTable(reader, 'warroom-denied', 'eu-west-1')).toMatch(
      /^DynamoDB table warroom-denied \(eu-west-1\): warroom may not call dynamodb:DescribeTimeToLive on it \(/,
    );
  });

  it('names any other failure by its error name', async () => {
    emulator.failNext('dynamodb', 'DescribeTable', { code: 'InternalServerError', status: 500 });
    expect(await checkTable(reader, 'warroom-ok', 'eu-west-1')).toMatch(
      /^DynamoDB table warroom-ok \(eu-west-1\): dynamodb:DescribeTable failed: InternalServerError: /,
    );
  });
});

describe('checkTable, table states', () => {
  it('refuses a table that is not yet (or no longer) serving', async () => {
    const reader: TableReader = {
      describeTable: async () => ({ ...createTableInput('warroom'), TableStatus: 'CREATING' }),
      describeTimeToLive: async () => undefined,
    };
    expect(await checkTable(reader, 'warroom', 'us-east-1')).toBe(
      'DynamoDB table warroom (us-east-1) is CREATING, not ACTIVE',
    );
  });
});
