import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { TableReader } from './check-table.ts';
import { createTableInput, describeTableMismatches, TABLE_DEFINITION } from './table-definition.ts';

/**
 * The four DynamoDB calls table set-up needs, given by the caller (bin/store-init.ts wraps the SDK),
 * so warroom's own code never holds CreateTable: its role does not need it. The two reads are
 * the start-up check's (src/store/dynamodb/sdk-table-reader.ts).
 */
export interface TableAdmin extends TableReader {
  createTable(input: CreateTableCommandInput): Promise<void>;
  enableTimeToLive(name: string, attributeName: string): Promise<void>;
}

export type InitTableResult =
  | { kind: 'created'; lines: string[] }
  | { kind: 'matches'; lines: string[] }
  | { kind: 'mismatch'; lines: string[] };

export interface InitTableOptions {
  sleep: (ms: number) => Promise<void>;
  /** How long to wait for a new table to become ACTIVE. */
  timeoutMs?: number;
}

/**
 * Creates warroom's table as TABLE_DEFINITION says and switches TTL on; an existing table is
 * checked instead. Safe to run again: a matching table is left as it is (TTL is switched on if a
 * previous run stopped before that), a different one is reported, never changed.
 */
export async function initTable(
  admin: TableAdmin,
  tableName: string,
  options: InitTableOptions,
): Promise<InitTableResult> {
  const existing = await admin.describeTable(tableName);
  if (!existing) {
    await admin.createTable(createTableInput(tableName));
    await waitUntilActive(admin, tableName, options);
    await admin.enableTimeToLive(tableName, TABLE_DEFINITION.ttlAttribute);
    return {
      kind: 'created',
      lines: [
        `Created table ${tableName} (on-demand, keys pk + sk, indexes gsi1 and gsi2), TTL on ${TABLE_DEFINITION.ttlAttribute}.`,
      ],
    };
  }
  const ttl = await admin.describeTimeToLive(tableName);
  const problems = describeTableMismatches(existing, ttl);
  if (problems.length > 0) {
    return {
      kind: 'mismatch',
      lines: [
        `Table ${tableName} exists but does not match docs/store.md; it was not changed:`,
        ...problems.map((problem) => `- ${problem}`),
      ],
    };
  }
  const lines = [`Table ${tableName} exists and matches docs/store.md.`];
  if (ttl?.TimeToLiveStatus !== 'ENABLED' && ttl?.TimeToLiveStatus !== 'ENABLING') {
    await admin.enableTimeToLive(tableName, TABLE_DEFINITION.ttlAttribute);
    lines.push(`TTL was off: switched on for ${TABLE_DEFINITION.ttlAttribute}.`);
  }
  return { kind: 'matches', lines };
}

async function waitUntilActive(admin: TableAdmin, tableName: string, options: InitTableOptions) {
  const timeoutMs = options.timeoutMs ?? 300_000;
  for (let waited = 0; ; waited += 1_000) {
    const table = await admin.describeTable(tableName);
    if (table?.TableStatus === 'ACTIVE') return;
    if (waited >= timeoutMs) {
      throw new Error(
        `table ${tableName} is still ${table?.TableStatus ?? 'missing'} after ${timeoutMs / 1000} s`,
      );
    }
    await options.sleep(1_000);
  }
}
