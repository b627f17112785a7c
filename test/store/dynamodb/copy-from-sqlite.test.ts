import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { addNote } from '../../../src/incidents/transitions.ts';
import { DynamoDbStore } from '../../../src/store/dynamodb/dynamodb-store.ts';
import {
  COPY_REFUSED,
  copyFromSqlite,
  DynamoTable,
  sdkTableReader,
} from '../../../src/store/dynamodb/index.ts';
import { createTableInput } from '../../../src/store/dynamodb/table-definition.ts';
import { MIGRATIONS } from '../../../src/store/sqlite-schema.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { rejectionOf, sdkConfig } from '../../sandbox/aws/sdk-test-config.ts';
import { openIncident } from '../../support/incident-fixtures.ts';
import { notification } from '../conformance/signal-fixtures.ts';
import { at, buildSqliteStore, type Fixture, t0 } from './copy-fixture.ts';
import { readEverything } from './read-everything.ts';

const REGION = 'us-east-1';
/** When the fixture's work starts, while some is due, and after everything is. */
const TIMES = [t0, at(2), at(6.5), at(12), at(60 * 24)];

describe('copying a SQLite store to DynamoDB (npm run store:copy)', () => {
  let emulator: AwsEmulator;
  let client: DynamoDBClient;
  let dir: string;
  let sqlitePath: string;
  let fixture: Fixture;
  let tables = 0;

  const newTable = async () => {
    tables += 1;
    const name = `warroom-copy-${tables}`;
    await client.send(new CreateTableCommand(createTableInput(name)));
    return new DynamoTable(new DynamoDBClient(sdkConfig(emulator, REGION)), name);
  };
  const copy = (path: string, table: DynamoTable) =>
    copyFromSqlite(path, { table, reader: sdkTableReader(client), region: REGION }, at(30));

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new DynamoDBClient(sdkConfig(emulator, REGION));
    dir = mkdtempSync(join(tmpdir(), 'warroom-copy-'));
    sqlitePath = join(dir, 'warroom.db');
    fixture = await buildSqliteStore(sqlitePath);
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every read of the port as the SQLite store does, and counts what it copied', async () => {
    // The file is at the latest schema (reviews and follow_ups included): the copy takes it as it is.
    const file = new Database(sqlitePath, { readonly: true });
    expect(file.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    file.close();
    const table = await newTable();
    const counts = await copy(sqlitePath, table);
    expect(Object.fromEntries(counts.map(({ kind, count }) => [kind, count]))).toMatchObject({
      incidents: fixture.lastSeq,
      'runbook executions': 1,
      'runbook requests': 1,
      'escalation stages': 5,
      'impact rounds': 1,
      engagements: 2,
      'page DMs': 2,
      'snapshot watches': 3,
      notifications: 4,
      reviews: 3,
      'follow-ups': 5,
      'follow-up request markers': 5,
      'incident counter': 1,
    });
    const sqlite = new SqliteStore(sqlitePath);
    const dynamo = new DynamoDbStore(table);
    try {
      const expected = await readEverything(sqlite, fixture, TIMES);
      // The fixture really holds what the brief lists, so an empty answer on both sides proves nothing.
      expect(expected.openIncidents.length).toBeGreaterThan(2);
      expect(expected.incidents.some(({ incident }) => incident?.status === 'resolved')).toBe(true);
      expect(expected.atTimes[4]?.dueOutbox.length).toBeGreaterThan(0);
      expect(expected.atTimes[4]?.dueStages.length).toBeGreaterThan(0);
      expect(expected.notifications).toEqual({ pending: 2, processed: 1, failed: 1 });
      const reviews = expected.incidents.map(({ review }) => review?.status);
      expect(reviews.filter((status) => status === 'draft')).toHaveLength(2);
      expect(reviews).toContain('complete');
      expect(expected.openFollowUps).toHaveLength(3);
      expect(expected.followUps.filter((item) => item?.status === 'done')).toHaveLength(2);
      expect(expected.followUps.filter((item) => item?.opsItemId)).toHaveLength(2);
      expect(await readEverything(dynamo, fixture, TIMES)).toEqual(expected);
    } finally {
      sqlite.close();
      dynamo.close();
    }
  });

  it('continues at the next incident number, and still knows every dedupe key and MessageId', async () => {
    const table = await newTable();
    await copy(sqlitePath, table);
    const dynamo = new DynamoDbStore(table);
    try {
      const { seq: _seq, ...next } = openIncident({ groupKey: 'rds-instance:1:us-east-1:new' });
      const created = await dynamo.createIncident(next, {
        at: at(40),
        kind: 'opened',
        actor: 'U0ALICE',
        text: 'new',
      });
      expect(created.incident.seq).toBe(fixture.lastSeq + 1);
      // A modal submitted again after the move finds the incident it made before.
      const again = await dynamo.createIncident(next, {
        at: at(40),
        kind: 'opened',
        actor: 'U0ALICE',
        text: 'orders',
        dedupeKey: 'declare:orders',
      });
      expect(again.created).toBe(false);
      const linked = again.incident.seq;
      const note = await dynamo.mutateIncident(
        linked,
        at(41),
        (i) => addNote(i, 'again', { userId: 'U0ALICE' }, at(41)),
        'view:V1',
      );
      expect(note.kind).toBe('duplicate');
      expect(await dynamo.saveNotification(notification('m-1'))).toBe('duplicate');
      expect(await dynamo.saveNotification(notification('m-pending'))).toBe('duplicate');
      // A follow-up's request retried after the move answers the follow-up made before it.
      for (const { id, dedupeKey } of fixture.followUps) {
        const original = await dynamo.followUps.get(id);
        const retried = await dynamo.followUps.create({ ...original!, id: 'fu-00000000ff' }, dedupeKey);
        expect(retried).toEqual({ followUp: original, created: false });
      }
      expect(await dynamo.followUps.get('fu-00000000ff')).toBeUndefined();
      // The copied outbox ids name their items: a sent write leaves the queue.
      const [due] = await dynamo.listDueOutbox(at(60 * 24), 10);
      await dynamo.completeOutbox(due!.id, at(50));
      expect((await dynamo.listDueOutbox(at(60 * 24), 10)).map((item) => item.id)).not.toContain(due!.id);
    } finally {
      dynamo.close();
    }
  });

  it('refuses a table that already holds items, and writes nothing to it', async () => {
    const table = await newTable();
    await table.put({ pk: 'SOMETHING', sk: 'ELSE' });
    const error = await rejectionOf(copy(sqlitePath, table));
    expect(error).toMatchObject({ code: COPY_REFUSED });
    expect(error.message).toContain(`DynamoDB table ${table.tableName} already holds items`);
    expect(await table.get({ pk: 'SEQ', sk: 'INCIDENT' })).toBeUndefined();
  });

  it('refuses a table that does not exist, naming store:init', async () => {
    const table = new DynamoTable(new DynamoDBClient(sdkConfig(emulator, REGION)), 'warroom-absent');
    const error = await rejectionOf(copy(sqlitePath, table));
    expect(error).toMatchObject({ code: COPY_REFUSED });
    expect(error.message).toContain(
      'does not exist: create it with npm run store:init -- dynamodb:warroom-absent',
    );
  });

  it('refuses a table with other keys', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'someone-elses',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const table = new DynamoTable(new DynamoDBClient(sdkConfig(emulator, REGION)), 'someone-elses');
    const error = await rejectionOf(copy(sqlitePath, table));
    expect(error).toMatchObject({ code: COPY_REFUSED });
    expect(error.message).toContain('key schema is id (HASH), expected pk (HASH) + sk (RANGE)');
  });

  it('refuses a missing file, a file that is not a warroom store, and one of an older schema', async () => {
    const table = await newTable();
    const missing = await rejectionOf(copy(join(dir, 'nope.db'), table));
    expect(missing).toMatchObject({ code: COPY_REFUSED });
    expect(missing.message).toContain('nope.db does not exist');

    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database at all, just text that is long enough to be a header');
    expect((await rejectionOf(copy(garbage, table))).message).toContain('could not be read as SQLite');

    const old = join(dir, 'old.db');
    const db = new Database(old);
    db.exec('CREATE TABLE incidents (seq INTEGER PRIMARY KEY)');
    db.pragma('user_version = 3');
    db.close();
    const older = await rejectionOf(copy(old, table));
    expect(older).toMatchObject({ code: COPY_REFUSED });
    expect(older.message).toMatch(
      /old\.db is at schema version 3, this warroom's is \d+: start this warroom once on it/,
    );
    expect(await table.isEmpty()).toBe(true);
  });
});
