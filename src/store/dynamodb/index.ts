// The DynamoDB store's entry for the rest of warroom: the start-up table check and its SDK port,
// and the copy from a SQLite file (npm run store:copy).
export { checkTable, type TableReader } from './check-table.ts';
export { type CopyCount, copyFromSqlite } from './copy-from-sqlite.ts';
export { DynamoTable } from './dynamo-table.ts';
export { sdkTableReader } from './sdk-table-reader.ts';
export { COPY_REFUSED } from './sqlite-source.ts';
