import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite-schema.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openIncident } from '../support/incident-fixtures.ts';

describe('SQLite migrations', () => {
  it('upgrades a database written by an older warroom without losing its cards', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'warroom-migrate-')), 'w.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0] as string);
    old.exec(MIGRATIONS[1] as string);
    old.pragma('user_version = 2');
    const { seq: _seq, ...incident } = openIncident();
    old
      .prepare(
        'INSERT INTO incidents (seq, group_key, open_group_key, status, opened_at, version, data) VALUES (1, ?, ?, ?, ?, 1, ?)',
      )
      .run(
        incident.groupKey,
        incident.groupKey,
        'open',
        incident.openedAt.toISOString(),
        JSON.stringify(incident),
      );
    old
      .prepare(
        'INSERT INTO cards (incident_seq, channel, ts, post_started_at, rendered_version) VALUES (1, ?, ?, ?, 1)',
      )
      .run('C0ALERTS', '1700000000.000100', incident.openedAt.toISOString());
    old.close();

    const store = new SqliteStore(path);
    expect(await store.getCard(1, 'C0ALERTS')).toMatchObject({ ts: '1700000000.000100', renderedVersion: 1 });
    expect(await store.listIncidentsNeedingCardSync()).toEqual([]);
    store.close();
    const reopened = new Database(path);
    expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
  });
});
