import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { initTable, type TableAdmin } from '../src/store/dynamodb/init-table.ts';

const USAGE = `npm run store:init -- dynamodb:<table>

Creates warroom's DynamoDB table (keys, indexes, TTL, on-demand) as docs/store.md describes, in
AWS_REGION with the standard credential chain (AWS_ENDPOINT_URL_DYNAMODB is honoured). An existing
table that matches is left as it is; one that differs is reported and not changed.
Exit 0: created or matching; 2: bad argument, or the table differs; 1: DynamoDB failed.`;

const argumentSchema = z
  .string()
  .regex(/^dynamodb:[A-Za-z0-9_.-]{3,255}$/, 'expected dynamodb:<table> (3–255 of A-Z a-z 0-9 _ . -)');

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const [target, ...rest] = process.argv.slice(2);
if (target === '--help' || target === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const parsed = argumentSchema.safeParse(target ?? '');
if (!parsed.success || rest.length > 0) {
  fail(`store:init: ${parsed.error?.issues[0]?.message ?? 'one argument only'}\n\n${USAGE}`, 2);
}
if (!process.env.AWS_REGION) fail('store:init: AWS_REGION is not set (the Region to create the table in)', 2);
const tableName = parsed.data.slice('dynamodb:'.length);

const client = new DynamoDBClient({ region: process.env.AWS_REGION });
const admin: TableAdmin = {
  async describeTable(name) {
    try {
      return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  },
  async describeTimeToLive(name) {
    return (await client.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription;
  },
  async createTable(input) {
    await client.send(new CreateTableCommand(input));
  },
  async enableTimeToLive(name, attributeName) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName },
      }),
    );
  },
};

try {
  const result = await initTable(admin, tableName, { sleep: (ms) => sleep(ms) });
  const out = result.kind === 'mismatch' ? process.stderr : process.stdout;
  out.write(`${result.lines.join('\n')}\n`);
  process.exitCode = result.kind === 'mismatch' ? 2 : 0;
} catch (error) {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`store:init: ${tableName}: ${name}: ${message}\n`);
  process.exitCode = 1;
} finally {
  client.destroy();
}
