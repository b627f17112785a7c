import { expandForEach } from './expand-for-each.ts';
import { parseCfnYaml } from './parse-cfn-yaml.ts';

/** A template's parameter declaration, as far as the checks read it. */
export interface CfnParameter {
  Type: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
}

export interface CfnResource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  Properties?: Record<string, unknown>;
  [attribute: string]: unknown;
}

/** A template as written (`raw`) and with its `Fn::ForEach` loops expanded for sample parameter values. */
export interface CfnTemplate {
  raw: Record<string, unknown>;
  parameters: Record<string, CfnParameter>;
  conditions: Record<string, unknown>;
  resources: Record<string, CfnResource>;
  outputs: Record<string, Record<string, unknown>>;
}

/** Parameter values as CloudFormation hands them over: strings, lists split on commas. */
export type ParameterValues = Record<string, string>;

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

export function section(template: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = template[name] ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${name}: expected a mapping`);
  }
  return value as Record<string, unknown>;
}

/** The value a parameter takes in a scenario: the given one, else its Default. */
export function parameterValue(
  parameters: Record<string, CfnParameter>,
  values: ParameterValues,
  name: string,
): string | string[] | undefined {
  const declared = parameters[name];
  if (!declared) return undefined;
  const value = values[name] ?? (declared.Default === undefined ? undefined : String(declared.Default));
  if (value === undefined) return undefined;
  return declared.Type === 'CommaDelimitedList' || declared.Type.startsWith('List<')
    ? value.split(',')
    : value;
}

/** Parses and expands a template; `values` supply the lists `Fn::ForEach` loops over. */
export function loadCfnTemplate(text: string, values: ParameterValues): CfnTemplate {
  const raw = parseCfnYaml(text);
  const parameters = section(raw, 'Parameters') as Record<string, CfnParameter>;
  const transforms = [raw.Transform ?? []].flat();
  const resolveCollection = (collection: unknown, loop: string): string[] => {
    if (!transforms.includes('AWS::LanguageExtensions')) {
      throw new Error(`${loop}: Fn::ForEach needs Transform: AWS::LanguageExtensions`);
    }
    if (Array.isArray(collection) && collection.every((item) => typeof item === 'string')) return collection;
    const ref = (collection as { Ref?: unknown } | null)?.Ref;
    const list = typeof ref === 'string' ? parameterValue(parameters, values, ref) : undefined;
    if (Array.isArray(list)) return list;
    throw new Error(
      `${loop}: the collection must be a list of strings or a Ref to a list parameter with a value`,
    );
  };
  return {
    raw,
    parameters,
    conditions: expandForEach(section(raw, 'Conditions'), resolveCollection),
    resources: expandForEach(section(raw, 'Resources'), resolveCollection) as Record<string, CfnResource>,
    outputs: expandForEach(section(raw, 'Outputs'), resolveCollection) as Record<
      string,
      Record<string, unknown>
    >,
  };
}
