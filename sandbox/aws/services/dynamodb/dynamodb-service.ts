import { loadServiceModel, type ServiceModel, shapeOf } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import { decodeJson } from '../../protocols/json-codec.ts';
import type { Protocol } from '../../protocols/protocol.ts';
import type { OperationHandler, ServiceDefinition } from '../../service-definition.ts';
import { DYNALITE_OPERATIONS, type DynaliteOperation } from './dynalite-modules.ts';
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
    const answer = withoutZeroDecreases(await engine.call(operation, rawInput(input)));
    return output ? decodeJson(model, shapeOf(model, output.shape), answer, '') : {};
  };
}

/**
 * DynamoDB reports `NumberOfDecreasesToday: 0`, as dynalite does, but the model's shape for it has
 * a minimum of 1, so the emulator's output check would call AWS's own answer invalid. Dropping the
 * zero (the SDK then reads it as absent) keeps that check on for everything else.
 */
function withoutZeroDecreases(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutZeroDecreases);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(
    ([name, inner]) => !(name === 'NumberOfDecreasesToday' && inner === 0),
  );
  return Object.fromEntries(entries.map(([name, inner]) => [name, withoutZeroDecreases(inner)]));
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
