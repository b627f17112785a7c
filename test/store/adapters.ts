import { afterAll, afterEach, describe } from 'vitest';
import { createDynamoDbAdapter } from './dynamodb-adapter.ts';
import { createSqliteAdapter } from './sqlite-adapter.ts';
import type { StoreAdapter } from './store-adapter.ts';

/**
 * Every Store adapter the conformance suite runs on: the one place to add an adapter. Each test file
 * imports this module afresh (vitest isolates files), so an adapter's open Stores never leak across.
 */
export const storeAdapters: readonly StoreAdapter[] = [createSqliteAdapter(), createDynamoDbAdapter()];

/** Registers `body`'s describe blocks once per adapter, closing its Stores after each test. */
export function describeEachStoreAdapter(title: string, body: (adapter: StoreAdapter) => void): void {
  for (const adapter of storeAdapters) {
    describe(`${adapter.name} store: ${title}`, () => {
      afterEach(() => adapter.close());
      afterAll(() => adapter.dispose?.());
      body(adapter);
    });
  }
}
