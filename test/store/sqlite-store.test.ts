import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { applyCpuAlarm, notification, signalAt as now } from './conformance/signal-fixtures.ts';

// What every adapter must do is in test/store/conformance; this file holds what only SQLite rows show.
const stores: SqliteStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function openStore(path = join(mkdtempSync(join(tmpdir(), 'warroom-store-')), 'w.db')) {
  const store = new SqliteStore(path);
  stores.push(store);
  return { store, path };
}

describe('SqliteStore rows an older warroom wrote', () => {
  it('reads an incident stored without open signals', async () => {
    const { store, path } = openStore();
    await store.saveNotification(notification('m1'));
    await applyCpuAlarm(store, 'm1');
    expect((await store.getIncident(1))?.openSignals).toHaveLength(1);
    store.close();
    // What an older warroom wrote: the same JSON without openSignals (nor a signal impact).
    const db = new Database(path);
    const row = db.prepare('SELECT data FROM incidents WHERE seq = 1').get() as { data: string };
    const { openSignals: _dropped, ...older } = JSON.parse(row.data) as Record<string, unknown>;
    db.prepare('UPDATE incidents SET data = ? WHERE seq = 1').run(JSON.stringify(older));
    db.close();
    const { store: reopened } = openStore(path);
    const legacy = await reopened.getIncident(1);
    expect(legacy).toBeDefined();
    expect(legacy && 'openSignals' in legacy).toBe(false);
    expect(legacy?.latestSignal.at).toEqual(now);
  });
});
