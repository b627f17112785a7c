import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config/config.ts';
import { BotError } from '../errors.ts';
import { checkTable } from './dynamodb/check-table.ts';
import { DynamoTable } from './dynamodb/dynamo-table.ts';
import { DynamoDbStore } from './dynamodb/dynamodb-store.ts';
import { sdkTableReader } from './dynamodb/sdk-table-reader.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * The store WARROOM_STORE names. A DynamoDB table is checked first (it exists, with warroom's keys,
 * indexes and TTL attribute, and this role may read it): a problem stops start-up in one line.
 */
export async function openStore(target: Config['store'], defaultRegion: string): Promise<Store> {
  if (target.kind === 'sqlite') return new SqliteStore(target.path);
  const region = target.region ?? defaultRegion;
  // The standard credential chain, and AWS_ENDPOINT_URL_DYNAMODB for a local DynamoDB.
  const client = new DynamoDBClient({ region });
  const problem = await checkTable(sdkTableReader(client), target.table, region);
  if (problem) {
    client.destroy();
    throw new BotError('STORE.TABLE_UNUSABLE', problem);
  }
  return new DynamoDbStore(new DynamoTable(client, target.table));
}
