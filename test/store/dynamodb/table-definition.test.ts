import { readFileSync } from 'node:fs';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  createTableInput,
  describeTableMismatches,
  TABLE_DEFINITION,
} from '../../../src/store/dynamodb/table-definition.ts';

/** A description of the table exactly as createTableInput asks for it. */
function describedAsDefined(): TableDescription {
  const input = createTableInput('warroom');
  return {
    TableName: 'warroom',
    KeySchema: input.KeySchema,
    AttributeDefinitions: input.AttributeDefinitions,
    GlobalSecondaryIndexes: input.GlobalSecondaryIndexes?.map((index) => ({
      ...index,
      IndexStatus: 'ACTIVE',
    })),
  };
}

const TTL_ON = { TimeToLiveStatus: 'ENABLED' as const, AttributeName: 'expiresAt' };

describe('describeTableMismatches', () => {
  it('finds nothing wrong with the table it defines, nor with extra indexes or TTL still off', () => {
    expect(describeTableMismatches(describedAsDefined(), TTL_ON)).toEqual([]);
    const extra = describedAsDefined();
    extra.GlobalSecondaryIndexes?.push({
      IndexName: 'reports',
      KeySchema: [{ AttributeName: 'team', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(describeTableMismatches(extra, { TimeToLiveStatus: 'DISABLED' })).toEqual([]);
  });

  it('names an index with other keys or a narrower projection', () => {
    const table = describedAsDefined();
    const [gsi1, gsi2] = table.GlobalSecondaryIndexes ?? [];
    if (!gsi1 || !gsi2) throw new Error('the definition has two indexes');
    gsi1.KeySchema = [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }];
    gsi2.Projection = { ProjectionType: 'KEYS_ONLY' };
    expect(describeTableMismatches(table, TTL_ON)).toEqual([
      'index gsi1 has keys gsi1pk (HASH), expected gsi1pk (HASH) + gsi1sk (RANGE)',
      'index gsi2 projects KEYS_ONLY, expected ALL',
    ]);
  });

  it('names a key attribute that is not a string', () => {
    const table = describedAsDefined();
    table.AttributeDefinitions = table.AttributeDefinitions?.map((definition) =>
      definition.AttributeName === 'sk' ? { AttributeName: 'sk', AttributeType: 'N' } : definition,
    );
    expect(describeTableMismatches(table, TTL_ON)).toEqual([
      'key attribute sk is of type N, expected S (string)',
    ]);
  });
});

describe('docs/store.md', () => {
  it('describes the table the definition creates: its keys, indexes and TTL attribute', () => {
    const doc = readFileSync('docs/store.md', 'utf8');
    const row = (name: string, value: string) => new RegExp(`^\\| ${name} +\\| ${value}`, 'm');
    expect(doc).toMatch(row('key', '`pk` \\(string, partition\\) \\+ `sk` \\(string, sort\\)'));
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
      const [hash, range] = index.KeySchema.map((key) => key.AttributeName);
      expect(doc).toMatch(
        row(`index \`${index.IndexName}\``, `\`${hash}\` \\+ \`${range}\` \\(strings\\), all attributes`),
      );
    }
    expect(doc).toMatch(row('TTL attribute', `\`${TABLE_DEFINITION.ttlAttribute}\` \\(epoch seconds\\)`));
  });
});
