import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BotError } from '../../errors.ts';
import { MIGRATIONS } from '../sqlite-schema.ts';

/** Why `store:copy` will not start: the caller says it and exits 2. */
export const COPY_REFUSED = 'STORE.COPY_REFUSED';

const refuse = (message: string): never => {
  throw new BotError(COPY_REFUSED, message);
};

/**
 * Opens a warroom SQLite file read-only, for copying: it must exist and be at this warroom's
 * schema version. An older file is not migrated here (that would write to the file kept as the way
 * back); warroom migrates it when it starts on it.
 */
export function openSqliteSource(path: string): Database.Database {
  if (!existsSync(path)) refuse(`${path} does not exist: give the path of warroom's SQLite file`);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasIncidents = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incidents'")
      .get();
    if (version === 0 || !hasIncidents) refuse(`${path} is not a warroom store (no warroom tables in it)`);
    if (version < MIGRATIONS.length) {
      refuse(
        `${path} is at schema version ${version}, this warroom's is ${MIGRATIONS.length}: start this warroom once on it (WARROOM_STORE=sqlite:${path}) so it migrates the file, stop it, then copy`,
      );
    }
    if (version > MIGRATIONS.length) {
      refuse(
        `${path} is at schema version ${version}, newer than this warroom's ${MIGRATIONS.length}: copy it with the warroom version that wrote it`,
      );
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof BotError) throw error;
    return refuse(
      `${path} could not be read as SQLite: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
