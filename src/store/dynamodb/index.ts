// The DynamoDB store's entry for the rest of warroom: the start-up table check and its SDK port.
export { checkTable, type TableReader } from './check-table.ts';
export { sdkTableReader } from './sdk-table-reader.ts';
