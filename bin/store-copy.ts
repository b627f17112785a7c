import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseStoreTarget } from '../src/config/store-target.ts';
import { isBotError } from '../src/errors.ts';
import { COPY_REFUSED, copyFromSqlite, DynamoTable, sdkTableReader } from '../src/store/dynamodb/index.ts';

const USAGE = `npm run store:copy -- sqlite:<path> dynamodb:<table>   (or dynamodb:<table ARN>)

Copies a stopped warroom's SQLite store into an empty DynamoDB table made by npm run store:init:
incidents (open and resolved) with their timelines, cards and markers, the incident counter, dedupe
keys, and all pending work. The SQLite file is only read. Stop warroom first; start it afterwards
with WARROOM_STORE=dynamodb:<table>. See docs/store.md, "Moving to DynamoDB".
Exit 0: copied; 2: bad argument, or refused (file missing or of another schema version, table
missing, mismatched or not empty); 1: DynamoDB failed part-way (delete and re-create the table, then copy again).`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args[0] === '--help' || args[0] === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [from, to, ...rest] = args;
if (!from?.startsWith('sqlite:') || !to?.startsWith('dynamodb:') || rest.length > 0) {
  fail(`store:copy: expected sqlite:<path> dynamodb:<table>\n\n${USAGE}`, 2);
}
// The same readings as WARROOM_STORE's, so what start-up accepts, this copies to and from.
const source = parseStoreTarget(from);
const target = parseStoreTarget(to);
if (!source.ok) fail(`store:copy: ${source.problem}\n\n${USAGE}`, 2);
if (!target.ok) fail(`store:copy: ${target.problem}\n\n${USAGE}`, 2);
if (source.store.kind !== 'sqlite' || target.store.kind !== 'dynamodb') {
  fail(`store:copy: expected sqlite:<path> dynamodb:<table>\n\n${USAGE}`, 2);
}
const { table: tableName, region = process.env.AWS_REGION } = target.store;
if (!region) fail('store:copy: AWS_REGION is not set (the Region of the table)', 2);

const client = new DynamoDBClient({ region });
try {
  const counts = await copyFromSqlite(
    source.store.path,
    { table: new DynamoTable(client, tableName), reader: sdkTableReader(client), region },
    new Date(),
  );
  const width = Math.max(...counts.map(({ kind }) => kind.length));
  const lines = counts.map(({ kind, count }) => `  ${kind.padEnd(width)}  ${count}`);
  process.stdout.write(`Copied ${source.store.path} to DynamoDB table ${tableName}:\n${lines.join('\n')}\n`);
} catch (error) {
  const refused = isBotError(error) && error.code === COPY_REFUSED;
  const message = isBotError(error)
    ? error.userMessage
    : `${(error as Error).name}: ${(error as Error).message}`;
  process.stderr.write(`store:copy: ${message}\n`);
  process.exitCode = refused ? 2 : 1;
} finally {
  client.destroy();
}
