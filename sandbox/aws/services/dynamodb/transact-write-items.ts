import type { HandlerContext } from '../../service-definition.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';
import { answeredBefore, rememberToken } from './client-request-tokens.ts';
import type { DynaliteOperation } from './dynalite-modules.ts';
import type { DynamoDbEngine, Item } from './dynamodb-engine.ts';
import { rawInput } from './raw-input.ts';

type Data = Record<string, unknown>;

const ACTIONS: Record<string, DynaliteOperation> = {
  ConditionCheck: 'DeleteItem', // validated like a conditional delete, never applied
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
};

interface PlannedAction {
  kind: string;
  operation: DynaliteOperation;
  tableName: string;
  data: Data;
  returnOldOnFailure: boolean;
  storageKey?: string;
  existing?: Item;
}

export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: Item;
}

/**
 * TransactWriteItems, which dynalite lacks: every action is checked by dynalite's own validation,
 * then under the engine's one lock all conditions are evaluated against the current items before
 * anything is written. One failed condition cancels the whole transaction
 * (TransactionCanceledException with one reason per action, in order); a write that fails while
 * applying (a type error in an update expression) rolls back those already made.
 */
export async function transactWriteItems(input: Data, context: HandlerContext): Promise<Data> {
  const engine = context.state.dynamodb.engine(context.accountId, context.region);
  const raw = rawInput(input);
  const planned = (raw.TransactItems as Data[]).map((entry) => planAction(engine, entry));
  const token = typeof raw.ClientRequestToken === 'string' ? raw.ClientRequestToken : undefined;
  return engine.exclusive(async () => {
    if (token && answeredBefore(engine, token, raw, context.clock.now().getTime())) return {};
    await readCurrentItems(engine, planned);
    refuseRepeatedItems(planned);
    const reasons = planned.map((action) => conditionReason(engine, action));
    if (reasons.some((reason) => reason.Code !== 'None')) throw cancelled(engine, reasons);
    await applyAll(engine, planned);
    if (token) rememberToken(engine, token, raw, context.clock.now().getTime());
    return {};
  });
}

function planAction(engine: DynamoDbEngine, entry: Data): PlannedAction {
  const kinds = Object.keys(entry).filter((kind) => kind in ACTIONS && entry[kind] != null);
  const [kind] = kinds;
  if (kinds.length !== 1 || !kind) {
    throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
  }
  const operation = ACTIONS[kind] as DynaliteOperation;
  const { ReturnValuesOnConditionCheckFailure, ...request } = entry[kind] as Data;
  return {
    kind,
    operation,
    tableName: String(request.TableName),
    data: engine.validate(operation, request),
    returnOldOnFailure: ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
  };
}

async function readCurrentItems(engine: DynamoDbEngine, planned: PlannedAction[]): Promise<void> {
  for (const action of planned) {
    const key = action.kind === 'Put' ? await keyOfItem(engine, action) : (action.data.Key as Item);
    const { storageKey, item } = await engine.readItem(action.tableName, key);
    action.storageKey = storageKey;
    action.existing = item;
  }
}

function keyOfItem(engine: DynamoDbEngine, action: PlannedAction): Promise<Item> {
  return engine.keyOf(action.tableName, action.data.Item as Item);
}

/** AWS refuses a transaction naming one item twice, before evaluating any condition. */
export function refuseRepeatedItems(planned: { tableName: string; storageKey?: string }[]): void {
  const seen = new Set<string>();
  for (const action of planned) {
    const id = `${action.tableName}\u0000${action.storageKey}`;
    if (seen.has(id))
      throw validationError('Transaction request cannot include multiple operations on one item');
    seen.add(id);
  }
}

function conditionReason(engine: DynamoDbEngine, action: PlannedAction): CancellationReason {
  if (!engine.conditionFails(action.data, action.existing)) return { Code: 'None' };
  const reason: CancellationReason = {
    Code: 'ConditionalCheckFailed',
    Message: 'The conditional request failed',
  };
  if (action.returnOldOnFailure && action.existing) reason.Item = action.existing;
  return reason;
}

async function applyAll(engine: DynamoDbEngine, planned: PlannedAction[]): Promise<void> {
  const applied: PlannedAction[] = [];
  for (const [index, action] of planned.entries()) {
    if (action.kind === 'ConditionCheck') continue;
    try {
      await engine.runAction(action.operation, action.data);
      applied.push(action);
    } catch (error) {
      await rollBack(engine, applied);
      const message = error instanceof Error ? error.message : String(error);
      const reasons = planned.map(
        (_, other): CancellationReason =>
          other === index ? { Code: 'ValidationError', Message: message } : { Code: 'None' },
      );
      throw cancelled(engine, reasons);
    }
  }
}

/** Puts back what the applied actions replaced (or deletes what they created), newest first. */
async function rollBack(engine: DynamoDbEngine, applied: PlannedAction[]): Promise<void> {
  for (const action of applied.reverse()) {
    if (action.existing) {
      await engine.perform('PutItem', { TableName: action.tableName, Item: action.existing });
    } else {
      const key = action.kind === 'Put' ? await keyOfItem(engine, action) : (action.data.Key as Item);
      await engine.perform('DeleteItem', { TableName: action.tableName, Key: key });
    }
  }
}

export function cancelled(engine: DynamoDbEngine, reasons: CancellationReason[]): AwsServiceError {
  const codes = reasons.map((reason) => reason.Code).join(', ');
  const message = `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`;
  return modelledError(engine.model, 'TransactionCanceledException', message, {
    fields: { CancellationReasons: reasons },
  });
}

function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, { status: 400 });
}
