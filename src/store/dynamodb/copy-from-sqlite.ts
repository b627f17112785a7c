import { BotError } from '../../errors.ts';
import { checkTable, type TableReader } from './check-table.ts';
import { COPY_KINDS } from './copy-kinds.ts';
import type { DynamoTable, Item } from './dynamo-table.ts';
import { COPY_REFUSED, openSqliteSource } from './sqlite-source.ts';

/** Puts in flight at once: enough to hide the round trip, few enough for an on-demand table's start. */
const CONCURRENCY = 16;

export interface CopyCount {
  kind: string;
  count: number;
}

export interface CopyTarget {
  table: DynamoTable;
  reader: TableReader;
  region: string;
}

/**
 * Copies a stopped warroom's SQLite file into an empty DynamoDB table (docs/store.md, Moving to
 * DynamoDB). Refuses (BotError STORE.COPY_REFUSED) before writing anything when the file is
 * missing or not at this warroom's schema version, or the table is missing, mismatched, or holds
 * any item: two stores are never merged. Each item is put on condition nothing is at its key, so a
 * warroom started on the table meanwhile stops the copy instead of being overwritten.
 */
export async function copyFromSqlite(
  sqlitePath: string,
  target: CopyTarget,
  now: Date,
): Promise<CopyCount[]> {
  const db = openSqliteSource(sqlitePath);
  try {
    const { table } = target;
    const problem = await checkTable(target.reader, table.tableName, target.region);
    if (problem) throw new BotError(COPY_REFUSED, problem);
    if (!(await table.isEmpty())) {
      throw new BotError(
        COPY_REFUSED,
        `DynamoDB table ${table.tableName} already holds items: store:copy only fills an empty table (it never merges two stores); create a new one with npm run store:init`,
      );
    }
    const counts: CopyCount[] = [];
    for (const kind of COPY_KINDS) {
      counts.push({ kind: kind.name, count: await putAll(table, kind.items(db, now)) });
    }
    return counts;
  } finally {
    db.close();
  }
}

/** Puts every item, at most CONCURRENCY at a time; answers how many. */
async function putAll(table: DynamoTable, items: Iterable<Item>): Promise<number> {
  const iterator = items[Symbol.iterator]();
  let count = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !stopped && !next.done; next = iterator.next()) {
      const item = next.value;
      const put = await table.put(item, { ConditionExpression: 'attribute_not_exists(pk)' });
      if (!put) {
        throw new BotError(
          'STORE.COPY_COLLIDED',
          `DynamoDB table ${table.tableName} gained item ${String(item.pk)} / ${String(item.sk)} while copying: is a warroom running on it? Stop it, delete and re-create the table, and copy again`,
        );
      }
      count += 1;
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: CONCURRENCY }, () =>
      worker().catch((error: unknown) => {
        stopped = true;
        throw error;
      }),
    ),
  );
  // A failed copy leaves SQLite's cursor open: close it before the file is.
  iterator.return?.();
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return count;
}
