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
  // cfn-lint has no rule for this one; an SQS queue ARN is region, account and queue name.
  'AWS::SQS::Queue.Arn': new RegExp(`${ARN}sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?$`),
};

type Schema = Record<string, unknown>;
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
