import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CloudFormation resource provider schema (draft-07 JSON Schema plus provider keywords). */
export interface ProviderSchema {
  typeName: string;
  properties: Record<string, Record<string, unknown>>;
  readOnlyProperties?: string[];
  [keyword: string]: unknown;
}

/** `AWS::SQS::Queue` → `aws-sqs-queue.json`. */
export function schemaFileName(type: string): string {
  return `${type.toLowerCase().replaceAll('::', '-')}.json`;
}

/** Every vendored schema in `dir` (deploy/schemas), keyed by resource type. */
export function loadResourceSchemas(dir: string): Map<string, ProviderSchema> {
  const schemas = new Map<string, ProviderSchema>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'sources.json')) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ProviderSchema;
    if (typeof schema.typeName !== 'string' || schemaFileName(schema.typeName) !== file) {
      throw new Error(`${dir}/${file}: expected the schema of the type its name says`);
    }
    schemas.set(schema.typeName, schema);
  }
  return schemas;
}

/**
 * The read-only properties, which are what `Fn::GetAtt` can read (`/properties/Endpoint/Address` is
 * `Endpoint.Address`) and what a template may not set.
 */
export function readOnlyNames(schema: ProviderSchema): string[] {
  return (schema.readOnlyProperties ?? []).map((pointer) =>
    pointer.replace(/^\/properties\//, '').replaceAll('/', '.'),
  );
}
