import { describe, expect, it } from 'vitest';
import { createTableInput, TABLE_DEFINITION } from '../../src/store/dynamodb/table-definition.ts';
import { resolved, STORE_KEY } from './deploy-scenarios.ts';

const tableOf = (scenario: string) => resolved(scenario).resources.StoreTable?.Properties;

describe('deploy/cloudformation.yml: the DynamoDB store table', () => {
  it('creates no table with the default sqlite store', () => {
    for (const scenario of ['sqs, everything set', 'https, HTTP mode']) {
      expect(resolved(scenario).resources.StoreTable).toBeUndefined();
      expect(resolved(scenario).outputs.StoreTableName).toBeUndefined();
    }
  });

  it('creates the table store:init creates: the same keys, attribute types, indexes and TTL', () => {
    const table = tableOf('https, DynamoDB store');
    const expected = createTableInput('any');
    expect(table?.KeySchema).toEqual(expected.KeySchema);
    expect(table?.AttributeDefinitions).toEqual(expected.AttributeDefinitions);
    expect(table?.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
    expect(table?.BillingMode).toBe(TABLE_DEFINITION.billingMode);
    expect(table?.TimeToLiveSpecification).toEqual({
      AttributeName: TABLE_DEFINITION.ttlAttribute,
      Enabled: true,
    });
  });

  it('protects it: point-in-time recovery, deletion protection, kept when the stack goes', () => {
    const resource = resolved('https, DynamoDB store').resources.StoreTable;
    expect(resource?.Properties?.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    expect(resource?.Properties?.DeletionProtectionEnabled).toBe(true);
    expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it("encrypts with the customer's KMS key when one is given, else with the AWS owned key", () => {
    expect(tableOf('sqs, DynamoDB store with its own KMS key')?.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: STORE_KEY,
    });
    expect(tableOf('https, DynamoDB store')?.SSESpecification).toEqual({ SSEEnabled: false });
  });

  it('outputs the table name for WARROOM_STORE', () => {
    expect(resolved('https, DynamoDB store').outputs.StoreTableName?.Value).toMatchObject({
      from: 'Ref StoreTable',
    });
  });
});
