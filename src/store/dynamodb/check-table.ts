import type { TableDescription, TimeToLiveDescription } from '@aws-sdk/client-dynamodb';
import { describeTableMismatches } from './table-definition.ts';

/** The two read-only calls the start-up check makes; warroom's role holds these and no table admin. */
export interface TableReader {
  /** The table, or undefined when DynamoDB answers ResourceNotFoundException. */
  describeTable(table: string): Promise<TableDescription | undefined>;
  describeTimeToLive(table: string): Promise<TimeToLiveDescription | undefined>;
}

/** Statuses in which the table serves reads and writes. */
const USABLE_STATUSES = new Set(['ACTIVE', 'UPDATING']);

/**
 * Whether warroom can run on `table` (a name or an ARN) in `region`: undefined when it can, else
 * one line saying what is wrong and how to fix it, for start-up to print before exiting 2. A
 * disabled TTL is not a problem (items only stay longer); keys, indexes and a TTL on another
 * attribute are, as `npm run store:init` judges them.
 */
export async function checkTable(
  reader: TableReader,
  table: string,
  region: string,
): Promise<string | undefined> {
  const where = `DynamoDB table ${table} (${region})`;
  let description: TableDescription | undefined;
  let ttl: TimeToLiveDescription | undefined;
  try {
    description = await reader.describeTable(table);
  } catch (error) {
    return describeFailure(where, 'DescribeTable', error);
  }
  if (!description) {
    return `${where} does not exist: create it with npm run store:init -- dynamodb:${table} (or deploy/cloudformation.yml with Store=dynamodb)`;
  }
  if (description.TableStatus && !USABLE_STATUSES.has(description.TableStatus)) {
    return `${where} is ${description.TableStatus}, not ACTIVE`;
  }
  try {
    ttl = await reader.describeTimeToLive(table);
  } catch (error) {
    return describeFailure(where, 'DescribeTimeToLive', error);
  }
  const problems = describeTableMismatches(description, ttl);
  if (problems.length > 0) {
    return `${where} does not match docs/store.md: ${problems.join('; ')}`;
  }
  return undefined;
}

function describeFailure(where: string, action: string, error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AccessDeniedException') {
    return `${where}: warroom may not call dynamodb:${action} on it (${message}); give its role the WarroomStoreTable statement of deploy/iam-policy.json`;
  }
  return `${where}: dynamodb:${action} failed: ${name}: ${message}`;
}
