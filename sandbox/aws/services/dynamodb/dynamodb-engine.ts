import type { ServiceModel } from '../../model/service-model.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';
import {
  type DynaliteError,
  type DynaliteOperation,
  type DynaliteStore,
  dynaliteDb,
  dynaliteValidations,
  loadAction,
} from './dynalite-modules.ts';

export type Item = Record<string, unknown>;
type Data = Record<string, unknown>;

/** A table's TTL setting, kept beside dynalite (which has no UpdateTimeToLive). */
export interface TimeToLiveSetting {
  attributeName: string;
  enabled: boolean;
}

/**
 * One account and Region's DynamoDB: an in-memory dynalite store plus what dynalite lacks (TTL
 * settings, transaction tokens). Every call runs alone (`exclusive`), so a transaction's checks
 * and writes see no other request in between: the atomicity TransactWriteItems promises.
 */
export class DynamoDbEngine {
  readonly timeToLive = new Map<string, TimeToLiveSetting>();
  /** ClientRequestToken → the request it was first used with and when (idempotency window). */
  readonly transactionTokens = new Map<string, { fingerprint: string; at: number }>();
  private readonly store: DynaliteStore;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly model: ServiceModel,
    accountId: string,
    region: string,
  ) {
    // Tables are ACTIVE at once: nothing in warroom waits on table status.
    this.store = dynaliteDb.create({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    this.store.tableDb.awsAccountId = accountId;
    this.store.tableDb.awsRegion = region;
  }

  /** Runs `work` with no other call of this engine in between. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One dynalite operation, validated by dynalite's own rules (expressions, keys), run alone. */
  call(operation: DynaliteOperation, raw: Data): Promise<Data> {
    return this.exclusive(() => this.perform(operation, raw));
  }

  /** dynalite's checks for `operation` on a copy of `raw`: the parsed request (with its expressions). */
  validate(operation: DynaliteOperation, raw: Data): Data {
    const { validation } = loadAction(operation);
    try {
      const data = dynaliteValidations.checkTypes(structuredClone(raw), validation.types);
      dynaliteValidations.checkValidations(data, validation.types, validation.custom, this.store);
      return data;
    } catch (error) {
      throw this.toServiceError(error);
    }
  }

  /** Validates and runs one operation; only for use inside `exclusive`. */
  async perform(operation: DynaliteOperation, raw: Data): Promise<Data> {
    const data = this.validate(operation, raw);
    return this.runAction(operation, data);
  }

  /** Runs an already validated operation; only for use inside `exclusive`. */
  runAction(operation: DynaliteOperation, data: Data): Promise<Data> {
    const { run } = loadAction(operation);
    return new Promise((resolve, reject) => {
      run(this.store, data, (error, result) => {
        if (error) reject(this.toServiceError(error));
        else resolve(result ?? {});
      });
    });
  }

  /** The table's description, or ResourceNotFoundException naming it. */
  describeTable(name: string): Promise<Data> {
    return new Promise((resolve, reject) => {
      this.store.getTable(name, false, (error, table) => {
        if (error) reject(this.toServiceError(error));
        else resolve(table ?? {});
      });
    });
  }

  /** The item under `key` (undefined when absent), after checking the key fits the table's schema. */
  async readItem(tableName: string, key: Item): Promise<{ storageKey: string; item?: Item }> {
    const table = await this.describeTable(tableName);
    const invalid = dynaliteDb.validateKey(key, table);
    if (invalid) throw this.toServiceError(invalid);
    const storageKey = dynaliteDb.createKey(key, table);
    const item = await new Promise<Item | undefined>((resolve, reject) => {
      this.store.getItemDb(tableName).get(storageKey, (error, value) => {
        if (error && error.name !== 'NotFoundError') reject(error);
        else resolve(error ? undefined : value);
      });
    });
    return { storageKey, item };
  }

  /** The key attributes of `item` under the table's key schema (to find the item a put replaces). */
  async keyOf(tableName: string, item: Item): Promise<Item> {
    const table = await this.describeTable(tableName);
    const names = (table.KeySchema as { AttributeName: string }[]).map((key) => key.AttributeName);
    return Object.fromEntries(names.filter((name) => name in item).map((name) => [name, item[name]]));
  }

  /** dynalite's condition check of a validated request against the current item. */
  conditionFails(data: Data, existing: Item | undefined): boolean {
    return Boolean(dynaliteDb.checkConditional(data, existing));
  }

  /** dynalite's `{ __type: 'ns#Code' }` errors as the emulator's, with the model's status. */
  toServiceError(error: unknown): AwsServiceError {
    if (error instanceof AwsServiceError) return error;
    const failure = error as DynaliteError;
    if (!failure?.body?.__type) {
      const message = failure instanceof Error ? failure.message : String(error);
      return new AwsServiceError('InternalServerError', `DynamoDB emulator failure: ${message}`, {
        status: 500,
      });
    }
    const code = failure.body.__type.split('#').pop() ?? 'InternalServerError';
    return modelledError(this.model, code, failure.body.message ?? '', {
      fallbackStatus: failure.statusCode ?? 400,
    });
  }
}
