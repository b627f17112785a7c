import type {
  AttributeDefinition,
  CreateTableCommandInput,
  KeySchemaElement,
  TableDescription,
  TimeToLiveDescription,
} from '@aws-sdk/client-dynamodb';

/**
 * warroom's one DynamoDB table, the single source for `npm run store:init`, the start-up check and
 * deploy/cloudformation.yml (a test compares the template with this). docs/store.md says which item
 * lives under which keys and which index serves which query.
 */
export const TABLE_DEFINITION = {
  keySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  /** Every key attribute of the table and its indexes is a string. */
  attributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map(
    (name): AttributeDefinition => ({ AttributeName: name, AttributeType: 'S' }),
  ),
  /**
   * Sparse, overloaded indexes: an item carries an index's keys only while it belongs in a list.
   * gsi1: due work, oldest first (`DUE#…` queues, open incidents); gsi2: an incident's related
   * items and look-ups by channel.
   */
  globalSecondaryIndexes: [
    { IndexName: 'gsi1', hashKey: 'gsi1pk', rangeKey: 'gsi1sk' },
    { IndexName: 'gsi2', hashKey: 'gsi2pk', rangeKey: 'gsi2sk' },
  ].map(({ IndexName, hashKey, rangeKey }) => ({
    IndexName,
    KeySchema: [
      { AttributeName: hashKey, KeyType: 'HASH' },
      { AttributeName: rangeKey, KeyType: 'RANGE' },
    ] satisfies KeySchemaElement[],
    Projection: { ProjectionType: 'ALL' as const },
  })),
  /** Epoch seconds; DynamoDB deletes the item some time after (inbox and outbox items once done). */
  ttlAttribute: 'expiresAt',
  billingMode: 'PAY_PER_REQUEST',
} as const;

/** The CreateTable request for a table named `tableName` (on-demand; TTL is a separate call). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: TABLE_DEFINITION.billingMode,
    KeySchema: [...TABLE_DEFINITION.keySchema],
    AttributeDefinitions: TABLE_DEFINITION.attributeDefinitions,
    GlobalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
      IndexName: index.IndexName,
      KeySchema: [...index.KeySchema],
      Projection: { ...index.Projection },
    })),
  };
}

const describeKeys = (keys: readonly KeySchemaElement[] | undefined) =>
  (keys ?? []).map((key) => `${key.AttributeName} (${key.KeyType})`).join(' + ') || 'none';

const typeOf = (table: TableDescription, name: string | undefined) =>
  table.AttributeDefinitions?.find((definition) => definition.AttributeName === name)?.AttributeType;

/**
 * What keeps an existing table from serving warroom, one line per difference (empty when it
 * matches): key schema, key attribute types, a missing or different index, TTL on another
 * attribute. Extra indexes, provisioned capacity and a disabled TTL are not differences: the first
 * two are the owner's choice, and TTL is switched on by store:init.
 */
export function describeTableMismatches(
  table: TableDescription,
  ttl: TimeToLiveDescription | undefined,
): string[] {
  const problems: string[] = [];
  const expectedKeys = describeKeys(TABLE_DEFINITION.keySchema);
  if (describeKeys(table.KeySchema) !== expectedKeys) {
    problems.push(`key schema is ${describeKeys(table.KeySchema)}, expected ${expectedKeys}`);
  }
  for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
    const found = table.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === index.IndexName);
    if (!found) {
      problems.push(
        `global secondary index ${index.IndexName} is missing (keys ${describeKeys(index.KeySchema)})`,
      );
      continue;
    }
    if (describeKeys(found.KeySchema) !== describeKeys(index.KeySchema)) {
      problems.push(
        `index ${index.IndexName} has keys ${describeKeys(found.KeySchema)}, expected ${describeKeys(index.KeySchema)}`,
      );
    }
    if (found.Projection?.ProjectionType !== index.Projection.ProjectionType) {
      problems.push(
        `index ${index.IndexName} projects ${found.Projection?.ProjectionType ?? 'nothing'}, expected ALL`,
      );
    }
  }
  const keyNames = new Set(
    [
      ...(table.KeySchema ?? []),
      ...(table.GlobalSecondaryIndexes ?? []).flatMap((index) => index.KeySchema ?? []),
    ].map((key) => key.AttributeName),
  );
  for (const definition of TABLE_DEFINITION.attributeDefinitions) {
    const type = typeOf(table, definition.AttributeName);
    if (keyNames.has(definition.AttributeName) && type && type !== 'S') {
      problems.push(`key attribute ${definition.AttributeName} is of type ${type}, expected S (string)`);
    }
  }
  const ttlOn = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
  if (ttlOn && ttl?.AttributeName !== TABLE_DEFINITION.ttlAttribute) {
    problems.push(`TTL is on attribute ${ttl?.AttributeName}, expected ${TABLE_DEFINITION.ttlAttribute}`);
  }
  return problems;
}
