import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { parseStoreTarget } from '../src/config/store-target.ts';
import { sdkTableReader } from '../src/store/dynamodb/index.ts';
import { initTable, type TableAdmin } from '../src/store/dynamodb/init-table.ts';

const USAGE = `npm run store:init -- dynamodb:<table>   (or dynamodb:<table ARN>)

Creates warroom's DynamoDB table (keys, indexes, TTL, on-demand) as docs/store.md describes, in
AWS_REGION (or the ARN's Region) with the standard credential chain (AWS_ENDPOINT_URL_DYNAMODB is honoured). An existing
table that matches is left as it is; one that differs is reported and not changed.
Exit 0: created or matching; 2: bad argument, or the table differs; 1: DynamoDB failed.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const [target, ...rest] = process.argv.slice(2);
if (target === '--help' || target === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
// The same reading of dynamodb:<table> as WARROOM_STORE's, so what start-up accepts, this creates.
const parsed = target?.startsWith('dynamodb:') ? parseStoreTarget(target) : undefined;
if (parsed?.ok !== true || parsed.store.kind !== 'dynamodb' || rest.length > 0) {
  const problem =
    parsed && !parsed.ok
      ? parsed.problem
      : rest.length > 0
        ? 'one argument only'
        : 'expected dynamodb:<table>';
  fail(`store:init: ${problem}\n\n${USAGE}`, 2);
}
const { table: tableName, region = process.env.AWS_REGION } = parsed.store;
if (!region) fail('store:init: AWS_REGION is not set (the Region to create the table in)', 2);

const client = new DynamoDBClient({ region });
const admin: TableAdmin = {
  // Table set-up is an admin's job: CreateTable and UpdateTimeToLive live here, outside src/,
  // so scripts/aws-calls.ts never puts them in warroom's own role.
  ...sdkTableReader(client),
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
