/**
 * `npm run docs:config`: writes docs/configuration.md from the zod schemas of the environment
 * (src/config/env-schema.ts) and of warroom.yml (src/config/file-schema.ts and what it composes),
 * through z.toJSONSchema. Every variable and key documents itself with `.describe()`; this script
 * refuses to write while one does not, and a test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  accountEntrySchema,
  accountNameSchema,
  accountSettingsSchema,
} from '../src/config/accounts-schema.ts';
import { envSchema } from '../src/config/env-schema.ts';
import { escalationPolicyObjectSchema, escalationPolicySchema } from '../src/config/escalation-schema.ts';
import { fileSchema } from '../src/config/file-schema.ts';
import { onCallRotationSchema, rotationSchema, ssmRotationSchema } from '../src/config/oncall-schema.ts';

type Json = z.core.JSONSchema.BaseSchema;

/** One documented variable or key. `path` is `a.b`, `a[].b` (list entry) or `a.<name>.b` (map entry). */
export interface ConfigRow {
  path: string;
  type: string;
  presence: string;
  allowed: string;
  description: string | undefined;
}

export interface ConfigSection {
  title: string;
  rows: ConfigRow[];
}

/**
 * Schemas that are z.unknown() to JSON Schema because a transform picks the real schema by the
 * value's shape (for errors that name the bad key). They are documented as the union they accept.
 */
const DOCUMENTED_AS = new Map<z.core.$ZodType, z.ZodType>([
  [
    escalationPolicySchema,
    z.union([escalationPolicyObjectSchema.shape.stages, escalationPolicyObjectSchema]),
  ],
  [onCallRotationSchema, z.union([rotationSchema, ssmRotationSchema])],
  [accountEntrySchema, z.union([accountNameSchema, accountSettingsSchema])],
]);

/** What the user writes (io: input), with two repairs z.toJSONSchema needs here. */
function toJson(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def;
      // zod drops the default of a schema whose input differs from its output; the user still gets it.
      if (def.type === 'default' && !('default' in jsonSchema)) jsonSchema.default = def.defaultValue;
      const documented = DOCUMENTED_AS.get(zodSchema);
      if (documented) {
        const { $schema: _, ...shape } = toJson(documented);
        Object.assign(jsonSchema, shape, { description: jsonSchema.description });
      }
    },
  });
  return json as Json;
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function isRecord(node: Json): boolean {
  return node.type === 'object' && typeof node.additionalProperties === 'object' && !node.properties;
}

function typeOf(node: Json): string {
  if (node.anyOf) return [...new Set(node.anyOf.map((branch) => typeOf(branch as Json)))].join(' or ');
  if (node.type === 'array') return `list of ${typeOf((node.items ?? {}) as Json)}`;
  if (isRecord(node)) {
    const values = node.additionalProperties as Json;
    return `map: name → ${values.anyOf ? `(${typeOf(values)})` : typeOf(values)}`;
  }
  if (node.type === 'string' && node.format === 'uri') return 'URL';
  if (node.type === 'string' && node.format) return `string (${node.format})`;
  return typeof node.type === 'string' ? node.type : 'any';
}

function rangeOf(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const low = min !== undefined && min > -MAX_INT ? min : undefined;
  const high = max !== undefined && max < MAX_INT ? max : undefined;
  if (low !== undefined && high !== undefined) return `${low}–${high}${unit}`;
  if (low === 1 && unit) return 'not empty';
  if (low !== undefined) return `at least ${low}${unit}`;
  if (high !== undefined) return `at most ${high}${unit}`;
  return undefined;
}

function allowedOf(node: Json): string {
  const parts: Array<string | undefined> = [];
  if (node.enum) parts.push(node.enum.map(code).join(', '));
  // zod states a format (date, date-time) as a long pattern too; the format says it better.
  if (node.pattern && !node.format) parts.push(`pattern ${code(node.pattern)}`);
  const { exclusiveMinimum } = node;
  const integerFloor = node.type === 'integer' && typeof exclusiveMinimum === 'number';
  parts.push(rangeOf(integerFloor ? exclusiveMinimum + 1 : node.minimum, node.maximum, ''));
  if (!integerFloor && exclusiveMinimum !== undefined) parts.push(`more than ${exclusiveMinimum}`);
  parts.push(rangeOf(node.minLength, node.maxLength, ' characters'));
  if (node.type === 'array') {
    parts.push(rangeOf(node.minItems, node.maxItems, ' entries'));
    const items = (node.items ?? {}) as Json;
    const each = items.type !== 'object' && !items.anyOf ? allowedOf(items) : '';
    if (each) parts.push(`each: ${each}`);
  }
  if (isRecord(node)) {
    const names = (node.propertyNames ?? {}) as Json;
    if (names.pattern) parts.push(`names: pattern ${code(names.pattern)}`);
    const values = node.additionalProperties as Json;
    if (values.type !== 'object' && !values.anyOf && allowedOf(values)) {
      parts.push(`values: ${allowedOf(values)}`);
    }
  }
  return parts.filter((part) => part !== undefined && part !== '').join('; ');
}

function presenceOf(parent: Json, key: string, child: Json, oneOfForms: boolean): string {
  if (parent.required?.includes(key)) return oneOfForms ? 'required in this form' : 'required';
  const fallback = child.default;
  if (fallback === undefined || (typeof fallback === 'object' && !Array.isArray(fallback))) return 'optional';
  return `default ${code(fallback)}`;
}

/** The keys below `node`: object properties, list entries' keys, and a map's entry. */
function childrenOf(node: Json, path: string, oneOfForms = false): Array<[string, Json, string]> {
  if (node.anyOf) {
    const objects = node.anyOf.filter((branch) => (branch as Json).type === 'object') as Json[];
    return objects.flatMap((branch) => childrenOf(branch, path, objects.length > 1));
  }
  if (node.type === 'array') {
    const items = (node.items ?? {}) as Json;
    return items.type === 'object' || items.anyOf ? childrenOf(items, `${path}[]`) : [];
  }
  if (isRecord(node)) return [[`${path}.<name>`, node.additionalProperties as Json, 'per entry']];
  return Object.entries(node.properties ?? {}).map(([key, child]) => [
    path ? `${path}.${key}` : key,
    child as Json,
    presenceOf(node, key, child as Json, oneOfForms),
  ]);
}

function collectRows(node: Json, path: string, presence: string, rows: ConfigRow[]): ConfigRow[] {
  const row = { path, type: typeOf(node), presence, allowed: allowedOf(node), description: node.description };
  rows.push(row);
  for (const [childPath, child, childPresence] of childrenOf(node, path)) {
    collectRows(child, childPath, childPresence, rows);
  }
  return rows;
}

/** The environment as one section, then one section per top-level YAML key. */
export function buildConfigSections(
  schemas: { env: z.ZodType; file: z.ZodType } = { env: envSchema, file: fileSchema },
): ConfigSection[] {
  const env = toJson(schemas.env);
  const envRows = childrenOf(env, '').flatMap(([path, node, presence]) =>
    collectRows(node, path, presence, []),
  );
  const file = toJson(schemas.file);
  const fileSections = childrenOf(file, '').map(([path, node, presence]) => ({
    title: path,
    rows: collectRows(node, path, presence, []),
  }));
  return [{ title: 'environment', rows: envRows }, ...fileSections];
}

/** Every variable or key without a description, and every shape JSON Schema could not express. */
export function findUndocumented(sections: ConfigSection[]): string[] {
  return sections.flatMap((section) =>
    section.rows.flatMap((row) => [
      ...(row.description?.trim() ? [] : [`${row.path}: no description (add .describe() in its schema)`]),
      ...(row.type.includes('any')
        ? [`${row.path}: type unknown to JSON Schema (add it to DOCUMENTED_AS in this script)`]
        : []),
    ]),
  );
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function table(keyHeading: string, rows: ConfigRow[]): string {
  const lines = [
    `| ${keyHeading} | type | required / default | allowed values | description |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      [code(row.path), row.type, row.presence, row.allowed, row.description ?? '']
        .map(cell)
        .reduce((line, value) => `${line} ${value} |`, '|'),
    ),
  ];
  return lines.join('\n');
}

const INTRO = `# Configuration reference

<!-- Generated by scripts/generate-config-reference.ts from the zod schemas in src/config/.
     Do not edit by hand: change a schema's .describe(), then run \`npm run docs:config\`. -->

warroom reads secrets and endpoints from the environment and everything else from a YAML file
(\`WARROOM_CONFIG\`, default \`./warroom.yml\`); [warroom.example.yml](../warroom.example.yml) is an
annotated example. A bad or missing setting stops warroom at start-up with exit code 2 and one
line per problem naming the variable or key and what is expected; an unknown YAML key is an
error too.

In key paths, \`a.b\` is key \`b\` inside \`a\`, \`a[].b\` key \`b\` of each entry of the list \`a\`, and
\`a.<name>.b\` key \`b\` of each entry of the map \`a\`, under a name you choose. "required in this
form" marks a key required only in that form of an entry that has two.`;

const ENV_NOTE = `Besides these, the AWS SDK reads its standard variables itself: the credential chain
(\`AWS_PROFILE\`, \`AWS_ACCESS_KEY_ID\` / \`AWS_SECRET_ACCESS_KEY\`, a container or instance role…)
and endpoint overrides (\`AWS_ENDPOINT_URL\`, \`AWS_ENDPOINT_URL_<SERVICE>\`).`;

/** docs/configuration.md as it should be now. */
export function renderConfigReference(sections: ConfigSection[] = buildConfigSections()): string {
  const [env, ...file] = sections;
  const parts = [INTRO, '## Environment variables', table('variable', env?.rows ?? []), ENV_NOTE];
  parts.push('## YAML file');
  for (const section of file) parts.push(`### \`${section.title}\``, table('key', section.rows));
  return `${parts.join('\n\n')}\n`;
}

export const CONFIG_REFERENCE_PATH = 'docs/configuration.md';

if (import.meta.url === `file://${process.argv[1]}`) {
  const sections = buildConfigSections();
  const problems = findUndocumented(sections);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`config reference: ${problem}`);
    process.exit(1);
  }
  writeFileSync(CONFIG_REFERENCE_PATH, renderConfigReference(sections));
  const count = sections.reduce((total, section) => total + section.rows.length, 0);
  console.log(`${CONFIG_REFERENCE_PATH}: ${count} variables and keys`);
}
