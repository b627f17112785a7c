import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { INTRINSIC } from './resolve-scenario.ts';
import { type ProviderSchema, readOnlyNames } from './resource-schemas.ts';

/**
 * Provider-schema keywords that describe a resource to CloudFormation but constrain no value; each is
 * registered with the type of its own value, so a misspelt or misused keyword still fails to compile.
 * Any other unknown keyword (cfn-lint's own `requiredXor`, say) stops compilation rather than being
 * skipped, because skipping it would pass values the real schema refuses.
 */
const ANNOTATIONS: Record<string, 'boolean' | 'string' | 'array' | 'object'> = {
  insertionOrder: 'boolean',
  arrayType: 'string',
  relationshipRef: 'object',
  tagging: 'object',
  taggable: 'boolean',
  typeName: 'string',
  sourceUrl: 'string',
  documentationUrl: 'string',
  replacementStrategy: 'string',
  handlers: 'object',
  propertyTransform: 'object',
  primaryIdentifier: 'array',
  additionalIdentifiers: 'array',
  createOnlyProperties: 'array',
  conditionalCreateOnlyProperties: 'array',
  readOnlyProperties: 'array',
  writeOnlyProperties: 'array',
  deprecatedProperties: 'array',
};

/** cfn-lint's `format` keywords (rules/formats, MIT-0) for the formats the vendored schemas use. */
const ARN = '^arn:aws[a-zA-Z-]*:';
const FORMATS: Record<string, RegExp> = {
  'AWS::SNS::Topic.Arn': new RegExp(`${ARN}sns:[a-z0-9-]+:\\d{12}:.+$`),
  'AWS::IAM::Role.Arn': new RegExp(`${ARN}iam::\\d{12}:role/.+$`),
  'AWS::KMS::Key.Arn': new RegExp(`${ARN}kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+$`),
  'AWS::KMS::Key.Id':
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[a-zA-Z0-9/_-]+)$/,
  'AWS::KMS::Alias.AliasName': /^alias\/[a-zA-Z0-9:/_-]+$/,
  // The DynamoDB table's import source (not used by warroom's template, but compiled with it).
  'AWS::S3::Bucket.Name': /^(?![.-])(?!.*\.\.)(?!.*-\.)(?!.*\.-)[a-z0-9.-]{3,63}(?<![.-])$/,
  // cfn-lint has no rule for this one; an SQS queue ARN is region, account and queue name.
  'AWS::SQS::Queue.Arn': new RegExp(`${ARN}sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?$`),
};

/**
 * cfn-lint's `uniqueKeys` (the DynamoDB table's key and attribute lists): no two items of the array
 * may share the values of all the named keys, e.g. two AttributeDefinitions for one AttributeName.
 */
const UNIQUE_KEYS = {
  keyword: 'uniqueKeys',
  type: 'array' as const,
  schemaType: 'array' as const,
  validate: (keys: string[], data: unknown[]) => {
    const seen = new Set<string>();
    for (const item of data) {
      if (typeof item !== 'object' || item === null) continue;
      const id = JSON.stringify(keys.map((key) => (item as Record<string, unknown>)[key]));
      if (seen.has(id)) return false;
      seen.add(id);
    }
    return true;
  },
};

type Schema = Record<string, unknown>;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];

/** Which intrinsic results a schema accepts: a string where CloudFormation converts it, a list for lists. */
function intrinsicTypes(schema: Schema, root: Schema): string[] {
  const ref = typeof schema.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(schema.$ref) : null;
  const target = ref ? ((root.definitions as Record<string, Schema>)[ref[1] as string] ?? {}) : schema;
  if (target.type === undefined) return ['string', 'array'];
  const types = [target.type].flat();
  const out = types.includes('array') ? ['array'] : [];
  if (types.some((type) => ['string', 'integer', 'number', 'boolean'].includes(type as string)))
    out.push('string');
  return out;
}

/** Every value position of the schema also takes a deploy-time value of a fitting type (see INTRINSIC). */
function acceptIntrinsics(schema: Schema, root: Schema): Schema {
  const walked: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SUBSCHEMA_MAPS.includes(key) && typeof value === 'object' && value !== null) {
      walked[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, wrap(sub as Schema, root)]),
      );
    } else if (
      (key === 'items' || key === 'additionalProperties') &&
      typeof value === 'object' &&
      value !== null
    ) {
      walked[key] = Array.isArray(value) ? value.map((sub) => wrap(sub, root)) : wrap(value as Schema, root);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
      walked[key] = value.map((sub) => acceptIntrinsics(sub, root));
    } else if (['not', 'if', 'then', 'else'].includes(key) && typeof value === 'object' && value !== null) {
      walked[key] = acceptIntrinsics(value as Schema, root);
    } else walked[key] = value;
  }
  return walked;
}

function wrap(schema: Schema, root: Schema): Schema {
  const types = intrinsicTypes(schema, root);
  return {
    if: { type: 'object', required: [INTRINSIC] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword
    then: types.length > 0 ? { properties: { [INTRINSIC]: { enum: types } } } : false,
    else: acceptIntrinsics(schema, root),
  };
}

function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  for (const [keyword, schemaType] of Object.entries(ANNOTATIONS)) ajv.addKeyword({ keyword, schemaType });
  for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
  // A string holding JSON (the DynamoDB table's KeySchema may also be given as such a string).
  ajv.addFormat('json', { type: 'string', validate: isJsonText });
  ajv.addKeyword(UNIQUE_KEYS);
  // 2019-09's dependentRequired is draft-07's `dependencies` with lists (KMSMasterKeyId needs SSEType).
  ajv.addKeyword({
    keyword: 'dependentRequired',
    type: 'object',
    schemaType: 'object',
    macro: (required: Record<string, string[]>) => ({ dependencies: required }),
  });
  // JSON Schema 2020-12's prefixItems, which draft-07 Ajv lacks: item i must match schema i (the
  // DynamoDB key schema: HASH first, then RANGE); later items only `items`.
  ajv.addKeyword({
    keyword: 'prefixItems',
    type: 'array',
    schemaType: 'array',
    compile: (schemas: Schema[]) => {
      const checks = schemas.map((schema) => ajv.compile(schema));
      return (data: unknown[]) => checks.every((check, index) => index >= data.length || check(data[index]));
    },
  });
  return ajv;
}

function describe(error: ErrorObject): string {
  const extra = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (error.instancePath.endsWith(`/${INTRINSIC}`)) {
    return `a deploy-time ${error.data} does not fit here (expected ${extra.allowedValues?.join(' or ')})`;
  }
  if (extra.additionalProperty) return `${error.message}: ${extra.additionalProperty}`;
  if (extra.allowedValues) return `${error.message}: ${extra.allowedValues.join(', ')}`;
  return error.message ?? error.keyword;
}

/** Validates resolved resource properties against their provider schemas (Ajv, JSON Schema draft-07). */
export function createPropertyValidator(schemas: Map<string, ProviderSchema>) {
  const ajv = createAjv();
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (type: string, schema: ProviderSchema): ValidateFunction => {
    let validate = compiled.get(type);
    if (!validate) {
      // $schema names the provider meta-schema, which is not vendored; the keywords it adds are above.
      const { $schema: _metaSchema, ...rest } = schema;
      validate = ajv.compile(acceptIntrinsics(rest, rest));
      compiled.set(type, validate);
    }
    return validate;
  };
  return (name: string, type: string, properties: Record<string, unknown>): string[] => {
    const schema = schemas.get(type);
    if (!schema) return [`Resources.${name}: no vendored schema for ${type}`];
    const path = `Resources.${name}.Properties`;
    const problems = readOnlyNames(schema)
      .filter((readOnly) => !readOnly.includes('.') && readOnly in properties)
      .map((readOnly) => `${path}.${readOnly}: read-only, CloudFormation sets it`);
    const validate = validatorFor(type, schema);
    if (!validate(properties)) {
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        // The if/then/else wrapping reports 'must match "else" schema' beside the real error.
        if (error.keyword === 'if') continue;
        const at = error.instancePath.replace(new RegExp(`/\\${INTRINSIC}$`), '').replaceAll('/', '.');
        const line = `${path}${at}: ${describe(error)}`;
        if (!seen.has(line)) problems.push(line);
        seen.add(line);
      }
    }
    return problems;
  };
}
