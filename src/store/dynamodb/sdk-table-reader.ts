import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { TableReader } from './check-table.ts';

/** The start-up check's reads through the SDK; bin/store-init.ts adds its two writes to these. */
export function sdkTableReader(client: DynamoDBClient): TableReader {
  return {
    async describeTable(table) {
      try {
        return (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return undefined;
        throw error;
      }
    },
    async describeTimeToLive(table) {
      return (await client.send(new DescribeTimeToLiveCommand({ TableName: table }))).TimeToLiveDescription;
    },
  };
}
