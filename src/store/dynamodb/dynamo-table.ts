import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };
type SdkTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Action<K extends keyof SdkTransactItem> = Omit<NonNullable<SdkTransactItem[K]>, 'TableName'>;
/** One action of a transaction on this table (the table name is added when it is sent). */
export type TransactItem =
  | { Put: Action<'Put'> }
  | { Update: Action<'Update'> }
  | { Delete: Action<'Delete'> }
  | { ConditionCheck: Action<'ConditionCheck'> };

/** Why each action of a cancelled transaction failed, in order ('None' for those that did not). */
export type TransactResult = { ok: true } | { ok: false; reasons: string[] };

/** DynamoDB's limit on the keys in one BatchGetItem call. */
const BATCH_GET_LIMIT = 100;

/** DynamoDB's limit on the actions in one TransactWriteItems call. */
export const MAX_TRANSACT_ITEMS = 100;

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string }).name === 'ConditionalCheckFailedException';
}

/**
 * warroom's one table, through the document client: consistent reads (everything that decides
 * reads the item itself), conditional single writes that answer false when their condition fails,
 * paged queries and transactions that answer their cancellation reasons instead of throwing.
 */
export class DynamoTable {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  /**
   * False from a call DynamoDB did not answer (unreachable, throttled past the SDK's retries,
   * denied) until one it answers: what /readyz says about the store.
   */
  get reachable(): boolean {
    return this.lastCallAnswered;
  }

  private lastCallAnswered = true;

  private async track<T>(call: Promise<T>): Promise<T> {
    try {
      const output = await call;
      this.lastCallAnswered = true;
      return output;
    } catch (error) {
      // A refused condition or a cancelled transaction is DynamoDB answering, not failing.
      const name = (error as { name?: string }).name;
      this.lastCallAnswered =
        name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
      throw error;
    }
  }

  async get(key: Key): Promise<Item | undefined> {
    const result = await this.track(
      this.documents.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })),
    );
    return result.Item;
  }

  /**
   * Several items by key (consistent reads), 100 per request as DynamoDB allows; keys DynamoDB left
   * unprocessed (throttling) are asked again. Items come back in no particular order.
   */
  async getMany(keys: readonly Key[]): Promise<Item[]> {
    const items: Item[] = [];
    for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
      let pending: Record<string, unknown>[] = keys.slice(start, start + BATCH_GET_LIMIT);
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** round)));
        const result = await this.track(
          this.documents.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
            }),
          ),
        );
        items.push(...(result.Responses?.[this.tableName] ?? []));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return items;
  }

  /** Puts the item; false when `condition` failed (nothing was written). */
  put(item: Item, condition?: Condition): Promise<boolean> {
    return this.conditional(
      this.documents.send(new PutCommand({ TableName: this.tableName, Item: item, ...condition })),
    );
  }

  /** Updates the item; false when its condition failed (nothing was written). */
  update(input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
    return this.conditional(this.documents.send(new UpdateCommand({ TableName: this.tableName, ...input })));
  }

  delete(key: Key, condition?: Condition): Promise<boolean> {
    return this.conditional(
      this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: key, ...condition })),
    );
  }

  /** A single write that answers false, instead of throwing, when its condition failed. */
  private async conditional(write: Promise<unknown>): Promise<boolean> {
    try {
      await this.track(write);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Every item the query matches (all pages), or the first `limit`. */
  async query(input: Omit<QueryCommandInput, 'TableName'>, limit?: number): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.track(
        this.documents.send(
          new QueryCommand({
            TableName: this.tableName,
            ...input,
            ...(limit !== undefined ? { Limit: limit - items.length } : {}),
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && (limit === undefined || items.length < limit));
    return items;
  }

  /** How many items the query matches, without reading them. */
  count(input: Omit<QueryCommandInput, 'TableName'>): Promise<number> {
    return this.countPages((start) =>
      this.documents.send(
        new QueryCommand({ TableName: this.tableName, ...input, Select: 'COUNT', ExclusiveStartKey: start }),
      ),
    );
  }

  /** Counts items over the whole table: for figures nothing decides on (see docs/store.md). */
  scanCount(input: Omit<ScanCommandInput, 'TableName'>): Promise<number> {
    return this.countPages((start) =>
      this.documents.send(
        new ScanCommand({ TableName: this.tableName, ...input, Select: 'COUNT', ExclusiveStartKey: start }),
      ),
    );
  }

  /** Adds up the counts of every page, asking for each from where the one before stopped. */
  private async countPages(
    page: (start: Record<string, unknown> | undefined) => Promise<{
      Count?: number;
      LastEvaluatedKey?: Record<string, unknown>;
    }>,
  ): Promise<number> {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const answer = await this.track(page(start));
      total += answer.Count ?? 0;
      start = answer.LastEvaluatedKey;
    } while (start);
    return total;
  }

  /** Whether the table holds no item at all: Scan pages of one item, stopping at the first found. */
  async isEmpty(): Promise<boolean> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.track(
        this.documents.send(
          new ScanCommand({ TableName: this.tableName, Limit: 1, ExclusiveStartKey: start }),
        ),
      );
      if ((page.Items ?? []).length > 0) return false;
      start = page.LastEvaluatedKey;
    } while (start);
    return true;
  }

  /** All or nothing. A cancelled transaction answers each action's reason instead of throwing. */
  async transact(items: readonly TransactItem[]): Promise<TransactResult> {
    if (items.length === 0) return { ok: true };
    if (items.length > MAX_TRANSACT_ITEMS) {
      throw new Error(`a transaction of ${items.length} actions is over DynamoDB's ${MAX_TRANSACT_ITEMS}`);
    }
    const stamped = items.map((item) => withTable(item, this.tableName));
    try {
      await this.track(this.documents.send(new TransactWriteCommand({ TransactItems: stamped })));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      return { ok: false, reasons: (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None') };
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** Transaction items are built without the table name (they are the same table); it is added here. */
function withTable(item: TransactItem, tableName: string): SdkTransactItem {
  const [kind, action] = Object.entries(item)[0] as [string, Record<string, unknown>];
  return { [kind]: { ...action, TableName: tableName } } as SdkTransactItem;
}
