import { createRequire } from 'node:module';

/*
 * dynalite's internals (CommonJS, untyped), typed as far as the emulator uses them. dynalite does
 * the storage, expression parsing and evaluation, Query and GSIs; the emulator calls its modules in
 * process rather than starting its HTTP server, so DynamoDB stays on the emulator's one port.
 */

/** An error dynalite answers with: its HTTP status and `{ __type: 'ns#Code', message }`. */
export interface DynaliteError extends Error {
  statusCode?: number;
  body?: { __type: string; message?: string };
}

export type DynaliteCallback = (error: DynaliteError | null, data?: Record<string, unknown>) => void;

interface SubDb {
  get(key: string, callback: (error: DynaliteError | null, value?: Record<string, unknown>) => void): void;
}

export interface DynaliteStore {
  tableDb: { awsAccountId: string; awsRegion: string };
  getTable(name: string, checkStatus: boolean, callback: DynaliteCallback): void;
  getItemDb(name: string): SubDb;
}

interface ActionValidation {
  types: Record<string, unknown>;
  custom?: unknown;
}

interface DynaliteDb {
  create(options: { createTableMs: number; deleteTableMs: number; updateTableMs: number }): DynaliteStore;
  createKey(item: Record<string, unknown>, table: Record<string, unknown>): string;
  validateKey(key: Record<string, unknown>, table: Record<string, unknown>): DynaliteError | null | undefined;
  checkConditional(
    data: Record<string, unknown>,
    existing?: Record<string, unknown>,
  ): DynaliteError | null | undefined;
}

interface DynaliteValidations {
  checkTypes(data: Record<string, unknown>, types: Record<string, unknown>): Record<string, unknown>;
  checkValidations(
    data: Record<string, unknown>,
    types: Record<string, unknown>,
    custom: unknown,
    store: DynaliteStore,
  ): void;
}

type Action = (store: DynaliteStore, data: Record<string, unknown>, callback: DynaliteCallback) => void;

const require = createRequire(import.meta.url);

export const dynaliteDb = require('dynalite/db') as DynaliteDb;
export const dynaliteValidations = require('dynalite/validations') as DynaliteValidations;

/** The operations dynalite serves itself (by their DynamoDB names). */
export const DYNALITE_OPERATIONS = [
  'CreateTable',
  'DescribeTable',
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'DeleteTable',
] as const;
export type DynaliteOperation = (typeof DYNALITE_OPERATIONS)[number];

const lowerFirst = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

export function loadAction(operation: DynaliteOperation): { run: Action; validation: ActionValidation } {
  return {
    run: require(`dynalite/actions/${lowerFirst(operation)}`) as Action,
    validation: require(`dynalite/validations/${lowerFirst(operation)}`) as ActionValidation,
  };
}
