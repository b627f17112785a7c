import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { DynamoTable } from '../../src/store/dynamodb/dynamo-table.ts';
import { DynamoDbStore } from '../../src/store/dynamodb/dynamodb-store.ts';
import { createTableInput } from '../../src/store/dynamodb/table-definition.ts';
import { sdkConfig } from '../sandbox/aws/sdk-test-config.ts';
import { buildSqliteStore, type Fixture } from '../store/dynamodb/copy-fixture.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('npm run store:copy', () => {
  let emulator: AwsEmulator;
  let client: DynamoDBClient;
  let dir: string;
  let sqlitePath: string;
  let fixture: Fixture;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new DynamoDBClient(sdkConfig(emulator, 'eu-west-1'));
    dir = mkdtempSync(join(tmpdir(), 'warroom-store-copy-'));
    sqlitePath = join(dir, 'warroom.db');
    fixture = await buildSqliteStore(sqlitePath);
    for (const name of ['warroom-target', 'warroom-busy']) {
      await client.send(new CreateTableCommand(createTableInput(name)));
    }
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
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
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/store-copy.ts', ...args], {
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

  it('copies the file into the empty table, prints the count of each kind, and warroom reads it', async () => {
    const result = await run(`sqlite:${sqlitePath}`, 'dynamodb:warroom-target');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Copied ${sqlitePath} to DynamoDB table warroom-target:`);
    expect(result.stdout).toMatch(new RegExp(`\\n  incidents +${fixture.lastSeq}\\n`));
    expect(result.stdout).toMatch(/\n {2}runbook executions +1\n/);
    const store = new DynamoDbStore(
      new DynamoTable(new DynamoDBClient(sdkConfig(emulator, 'eu-west-1')), 'warroom-target'),
    );
    try {
      expect((await store.getIncident(fixture.lastSeq))?.storm).toBeDefined();
    } finally {
      store.close();
    }
  });

  it('exits 2 on a table that already holds items, saying it never merges', async () => {
    await run(`sqlite:${sqlitePath}`, 'dynamodb:warroom-busy');
    const again = await run(`sqlite:${sqlitePath}`, 'dynamodb:warroom-busy');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'store:copy: DynamoDB table warroom-busy already holds items: store:copy only fills an empty table (it never merges two stores); create a new one with npm run store:init\n',
    );
  });

  it('exits 2 on a missing file and on a missing table, saying what to do', async () => {
    const missing = await run(`sqlite:${join(dir, 'nope.db')}`, 'dynamodb:warroom-target');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.db does not exist');
    const absent = await run(`sqlite:${sqlitePath}`, 'dynamodb:warroom-absent');
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('create it with npm run store:init -- dynamodb:warroom-absent');
  });

  it('refuses arguments in the wrong order with exit 2 and the usage', async () => {
    const result = await run('dynamodb:warroom-target', `sqlite:${sqlitePath}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected sqlite:<path> dynamodb:<table>');
    expect(result.stderr).toContain('npm run store:copy -- sqlite:<path> dynamodb:<table>');
  });
});
