import type Database from 'better-sqlite3';
import type { Item } from './dynamo-table.ts';

/**
 * What `store:copy` moves, one kind at a time: each reads SQLite's own table and builds the items
 * with the builders the DynamoDB adapter writes with, so a copied item is one the adapter could
 * have written. Every record starts at `rev` 1, as if written once.
 */
export interface CopyKind {
  name: string;
  items(db: Database.Database, now: Date): Iterable<Item>;
}

export const optionalDate = (text: string | null): Date | undefined =>
  text === null ? undefined : new Date(text);
/** A statement's rows, read one at a time (a large inbox is never all in memory). */
export const rows = <T>(db: Database.Database, sql: string): Iterable<T> =>
  db.prepare(sql).iterate() as Iterable<T>;
