import { spawn } from 'node:child_process';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { createTableInput } from '../../src/store/dynamodb/table-definition.ts';
import { sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm run store:init', () => {
  let emulator: AwsEmulator;
  let client: DynamoDBClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new DynamoDBClient(sdkConfig(emulator, 'eu-west-1'));
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  /** Runs the real command against the emulator (async: the emulator answers from this process). */
  function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'test-secret',
      AWS_ENDPOINT_URL_DYNAMODB: emulator.url,
      // This machine's Node 20 makes the SDK warn on stderr, which is the command's error channel.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/store-init.ts', ...args], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  }

  it('creates the table as the definition says, with TTL on, in AWS_REGION', async () => {
    const result = await run('dynamodb:warroom-new');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created table warroom-new');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'warroom-new' }));
    expect(Table?.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/warroom-new');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: 'warroom-new' }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('is idempotent: a second run finds the table matching and exits 0', async () => {
    await run('dynamodb:warroom-again');
    const result = await run('dynamodb:warroom-again');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Table warroom-again exists and matches docs/store.md.\n');
  });

  it('finishes a table whose TTL a previous run did not switch on', async () => {
    await client.send(new CreateTableCommand(createTableInput('warroom-no-ttl')));
    const result = await run('dynamodb:warroom-no-ttl');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('TTL was off: switched on for expiresAt.');
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: 'warroom-no-ttl' }));
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });

  it('exits 2 naming each difference of a table made otherwise, and changes nothing', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'someone-elses',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'someone-elses',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    );
    const result = await run('dynamodb:someone-elses');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'Table someone-elses exists but does not match docs/store.md; it was not changed:',
      '- key schema is id (HASH), expected pk (HASH) + sk (RANGE)',
      '- global secondary index gsi1 is missing (keys gsi1pk (HASH) + gsi1sk (RANGE))',
      '- global secondary index gsi2 is missing (keys gsi2pk (HASH) + gsi2sk (RANGE))',
      '- TTL is on attribute ttl, expected expiresAt',
      '',
    ]);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'someone-elses' }));
    expect(Table?.GlobalSecondaryIndexes).toBeUndefined();
  });

  it('refuses an argument that is not dynamodb:<table> with exit 2 and the usage', async () => {
    const result = await run('sqlite:/tmp/x.db');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected dynamodb:<table>');
    expect(result.stderr).toContain('npm run store:init -- dynamodb:<table>');
  });
});
