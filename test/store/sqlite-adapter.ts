import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreAdapter } from './store-adapter.ts';

/** The SQLite adapter on a file of its own per test, in WAL mode as production runs it. */
export function createSqliteAdapter(): StoreAdapter {
  const files = new Map<Store, string>();
  const openOn = (path: string): Store => {
    const store = new SqliteStore(path);
    files.set(store, path);
    return store;
  };
  const fileOf = (store: Store): string => {
    const path = files.get(store);
    if (path === undefined) throw new Error('this Store was not opened by the SQLite adapter');
    return path;
  };
  return {
    name: 'sqlite',
    open: async () => openOn(join(mkdtempSync(join(tmpdir(), 'warroom-store-')), 'w.db')),
    openAnother: async (store) => openOn(fileOf(store)),
    reopen: async (store) => {
      const path = fileOf(store);
      store.close();
      return openOn(path);
    },
    close: async () => {
      const dirs = new Set([...files.values()].map((path) => dirname(path)));
      for (const store of files.keys()) store.close();
      files.clear();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
