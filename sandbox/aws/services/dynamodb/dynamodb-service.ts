import { loadServiceModel, type ServiceModel, shapeOf } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import { decodeJson } from '../../protocols/json-codec.ts';
import type { Protocol } from '../../protocols/protocol.ts';
import type { OperationHandler, ServiceDefinition } from '../../service-definition.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';
import { DYNALITE_OPERATIONS, type DynaliteOperation } from './dynalite-modules.ts';
import type { DynamoDbEngine, Item } from './dynamodb-engine.ts';
import { attachRawInput, rawInput } from './raw-input.ts';
import { describeTimeToLive, updateTimeToLive } from './time-to-live.ts';
import { transactGetItems } from './transact-get-items.ts';
import { transactWriteItems } from './transact-write-items.ts';

/** awsJson 1.0, with the body as sent attached for dynalite (see raw-input.ts). */
function withRawInput(protocol: Protocol): Protocol {
  return {
    ...protocol,
    parseRequest(request) {
      const parsed = protocol.parseRequest(request);
      attachRawInput(parsed.input, JSON.parse(request.body.toString('utf8') || '{}'));
      return parsed;
    },
  };
}

/**
 * Hands a model-valid request to dynalite, which applies DynamoDB's own rules (expressions, key
 * schema, item size) and does the work; its wire-JSON answer is decoded like a response from AWS.
 */
function forwardToDynalite(model: ServiceModel, operation: DynaliteOperation): OperationHandler {
  const output = model.operations[operation]?.output;
  return async (input, context) => {
    const engine = context.state.dynamodb.engine(context.accountId, context.region);
    const raw = rawInput(input);
    const answer = withoutModelQuirks(
      WRITES.has(operation)
        ? await writeReturningOldItemOnFailure(engine, operation, raw)
        : await engine.call(operation, raw),
    );
    return output ? decodeJson(model, shapeOf(model, output.shape), answer, '') : {};
  };
}

const WRITES = new Set<DynaliteOperation>(['PutItem', 'UpdateItem', 'DeleteItem']);

/**
 * A conditional write; with `ReturnValuesOnConditionCheckFailure: ALL_OLD` (which dynalite does
 * not know) a failed condition carries the item as it is, as DynamoDB's
 * ConditionalCheckFailedException does. Read under the same lock, so it is the item that failed.
 */
function writeReturningOldItemOnFailure(
  engine: DynamoDbEngine,
  operation: DynaliteOperation,
  raw: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { ReturnValuesOnConditionCheckFailure: returnOld, ...request } = raw;
  return engine.exclusive(async () => {
    try {
      return await engine.perform(operation, request);
    } catch (error) {
      if (returnOld !== 'ALL_OLD' || !(error instanceof AwsServiceError)) throw error;
      if (error.code !== 'ConditionalCheckFailedException') throw error;
      const tableName = String(request.TableName);
      const key =
        operation === 'PutItem' ? await engine.keyOf(tableName, request.Item as Item) : (request.Key as Item);
      const { item } = await engine.readItem(tableName, key);
      if (!item) throw error;
      throw modelledError(engine.model, error.code, error.message, { fields: { Item: item } });
    }
  });
}

/**
 * Two values DynamoDB sends (as dynalite does) that the model's minimums call invalid:
 * `NumberOfDecreasesToday: 0` (minimum 1) and BatchGetItem's empty `UnprocessedKeys: {}` (at least
 * one entry). Dropping them (the SDK then reads them as absent) keeps the emulator's output check
 * on for everything else.
 */
function withoutModelQuirks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutModelQuirks);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([name, inner]) => !isQuirk(name, inner));
  return Object.fromEntries(entries.map(([name, inner]) => [name, withoutModelQuirks(inner)]));
}

function isQuirk(name: string, value: unknown): boolean {
  if (name === 'NumberOfDecreasesToday') return value === 0;
  return (
    name === 'UnprocessedKeys' &&
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 0
  );
}

/**
 * DynamoDB: requests are validated against AWS's model, then served by an in-memory dynalite per
 * account and Region (storage, expressions, Query, GSIs) plus what dynalite lacks:
 * TransactWriteItems, TransactGetItems and the TTL setting. Seed and inspect through the SDK.
 */
export function createDynamoDbService(): ServiceDefinition {
  const model = loadServiceModel('dynamodb');
  const forwarded = Object.fromEntries(
    DYNALITE_OPERATIONS.map((operation) => [operation, forwardToDynalite(model, operation)]),
  );
  return {
    name: 'dynamodb',
    signingName: 'dynamodb',
    endpointEnvSuffix: 'DYNAMODB',
    model,
    protocol: withRawInput(createAwsJsonProtocol(model)),
    handlers: {
      ...forwarded,
      UpdateTimeToLive: updateTimeToLive,
      DescribeTimeToLive: describeTimeToLive,
      TransactWriteItems: transactWriteItems,
      TransactGetItems: transactGetItems,
    },
  };
}
