import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { DynamoTable } from '../../src/store/dynamodb/dynamo-table.ts';
import { DynamoDbStore } from '../../src/store/dynamodb/dynamodb-store.ts';
import { createTableInput } from '../../src/store/dynamodb/table-definition.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreAdapter } from './store-adapter.ts';

/**
 * The DynamoDB adapter on the local AWS emulator (sandbox/aws: DynamoDB checked against AWS's
 * model, served by dynalite in memory), started once per test file, with a fresh table per test
 * created from the one table definition. Each Store gets its own SDK client, as each replica would.
 */
export function createDynamoDbAdapter(): StoreAdapter {
  let emulator: Promise<AwsEmulator> | undefined;
  let tables = 0;
  const open = new Map<Store, string>();
  const clientFor = async () => {
    if (!emulator) emulator = startAwsEmulator();
    const running = await emulator;
    return new DynamoDBClient({
      region: 'us-east-1',
      endpoint: running.url,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
  };
  const openOn = async (tableName: string): Promise<Store> => {
    const store = new DynamoDbStore(new DynamoTable(await clientFor(), tableName));
    open.set(store, tableName);
    return store;
  };
  const tableOf = (store: Store): string => {
    const name = open.get(store);
    if (name === undefined) throw new Error('this Store was not opened by the DynamoDB adapter');
    return name;
  };
  return {
    name: 'dynamodb',
    open: async () => {
      tables += 1;
      const tableName = `warroom-conformance-${tables}`;
      const client = await clientFor();
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      client.destroy();
      return openOn(tableName);
    },
    openAnother: async (store) => openOn(tableOf(store)),
    reopen: async (store) => {
      const tableName = tableOf(store);
      store.close();
      return openOn(tableName);
    },
    close: async () => {
      for (const store of open.keys()) store.close();
      open.clear();
    },
    dispose: async () => {
      if (emulator) await (await emulator).close();
      emulator = undefined;
    },
  };
}
