import {
  type CfnResource,
  type CfnTemplate,
  type ParameterValues,
  parameterValue,
  section,
} from './cfn-template.ts';
import type { ProviderSchema } from './resource-schemas.ts';

/**
 * Stands for a value only known at deploy time (a resource's Ref or attribute, a pseudo parameter):
 * schema checks accept it wherever its type fits, as cfn-lint does, and check everything else.
 */
export const INTRINSIC = '$cfnIntrinsic';
export type IntrinsicType = 'string' | 'array';
export interface IntrinsicValue {
  [INTRINSIC]: IntrinsicType;
  from: string;
}

const REMOVED = Symbol('AWS::NoValue');

/** One deployment: the parameter values, what holds, the resources that would be created and the outputs. */
export interface Scenario {
  problems: string[];
  conditions: Record<string, boolean>;
  resources: Record<string, CfnResource>;
  outputs: Record<string, Record<string, unknown>>;
}

function fn(value: unknown): [string, unknown] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.length === 1 && (entries[0]?.[0] === 'Ref' || entries[0]?.[0].startsWith('Fn::'))
    ? (entries[0] as [string, unknown])
    : undefined;
}

const intrinsic = (type: IntrinsicType, from: string): IntrinsicValue => ({ [INTRINSIC]: type, from });

/**
 * Resolves a template for one set of parameter values as CloudFormation would: checks the values
 * against AllowedValues/AllowedPattern and the Rules, evaluates the Conditions, keeps the resources
 * and outputs whose condition holds and resolves Fn::If, AWS::NoValue, parameter Refs, Fn::Sub,
 * Fn::Join, Fn::Select and Fn::Split in their properties and values. An intrinsic it cannot resolve is an error, never a pass.
 */
export function resolveScenario(
  template: CfnTemplate,
  values: ParameterValues,
  schemas: Map<string, ProviderSchema>,
  /**
   * What only a deployment knows, to compute a name or an output exactly: pseudo parameters
   * (`AWS::StackId`) and resources' Refs (`StoreTable`: the table name). The rest stay intrinsic.
   */
  deployed: Record<string, string> = {},
): Scenario {
  const problems: string[] = [];
  const { parameters } = template;
  for (const name of Object.keys(values)) {
    if (!(name in parameters)) problems.push(`scenario: ${name} is not a parameter`);
  }
  for (const [name, declared] of Object.entries(parameters)) {
    const value = parameterValue(parameters, values, name);
    if (value === undefined) problems.push(`Parameters.${name}: no value and no Default`);
    for (const item of [value ?? []].flat()) {
      if (declared.AllowedValues && !declared.AllowedValues.map(String).includes(item)) {
        problems.push(`Parameters.${name}: ${item} is not one of ${declared.AllowedValues.join(', ')}`);
      }
      if (declared.AllowedPattern && !new RegExp(declared.AllowedPattern).test(item)) {
        problems.push(`Parameters.${name}: ${item} does not match ${declared.AllowedPattern}`);
      }
    }
  }

  const conditionCache: Record<string, boolean> = {};
  const condition = (name: string): boolean => {
    if (!(name in conditionCache)) {
      if (!(name in template.conditions)) throw new Error(`no condition named ${name}`);
      conditionCache[name] = truth(template.conditions[name], `Conditions.${name}`);
    }
    return conditionCache[name] as boolean;
  };
  const truth = (expression: unknown, path: string): boolean => {
    const [key, argument] = fn(expression) ?? (['', undefined] as const);
    const args = Array.isArray(argument) ? argument : [];
    if (key === 'Fn::Equals')
      return JSON.stringify(resolve(args[0], path)) === JSON.stringify(resolve(args[1], path));
    if (key === 'Fn::Not') return !truth(args[0], path);
    if (key === 'Fn::And') return args.every((arg) => truth(arg, path));
    if (key === 'Fn::Or') return args.some((arg) => truth(arg, path));
    const named = (expression as { Condition?: unknown } | null)?.Condition;
    if (typeof named === 'string') return condition(named);
    throw new Error(`${path}: cannot evaluate ${JSON.stringify(expression)} as a condition`);
  };

  const resolve = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      return value.map((item, i) => resolve(item, `${path}[${i}]`)).filter((item) => item !== REMOVED);
    }
    if (typeof value !== 'object' || value === null) return value;
    const call = fn(value);
    if (!call) {
      const entries = Object.entries(value).map(([key, child]) => [key, resolve(child, `${path}.${key}`)]);
      return Object.fromEntries(entries.filter(([, child]) => child !== REMOVED));
    }
    const [key, argument] = call;
    const args = Array.isArray(argument) ? argument : [argument];
    switch (key) {
      case 'Ref': {
        const name = String(argument);
        if (name === 'AWS::NoValue') return REMOVED;
        if (name === 'AWS::NotificationARNs') return intrinsic('array', name);
        if (deployed[name] !== undefined) return deployed[name];
        if (name.startsWith('AWS::')) return intrinsic('string', name);
        if (name in parameters) return parameterValue(parameters, values, name);
        return intrinsic('string', `Ref ${name}`);
      }
      case 'Fn::GetAtt': {
        const [name, attribute] = args.map(String);
        const schema = schemas.get(template.resources[name as string]?.Type ?? '');
        const type = schema?.properties[attribute as string]?.type;
        return intrinsic([type].flat().includes('array') ? 'array' : 'string', `GetAtt ${name}.${attribute}`);
      }
      case 'Fn::If':
        return resolve(condition(String(args[0])) ? args[1] : args[2], path);
      case 'Fn::Sub': {
        const [text, own] = args as [string, Record<string, unknown> | undefined];
        const known: Record<string, unknown> = {};
        for (const [name, given] of Object.entries(own ?? {})) known[name] = resolve(given, path);
        let unresolved = false;
        const out = String(text).replace(/\$\{([^!}][^}]*)\}/g, (_, variable: string) => {
          const name = variable.trim();
          const found =
            name in known ? known[name] : name.includes('.') ? undefined : resolve({ Ref: name }, path);
          if (typeof found === 'string') return found;
          unresolved = true;
          return '';
        });
        return unresolved ? intrinsic('string', 'Fn::Sub') : out.replace(/\$\{!/g, '${');
      }
      case 'Fn::Join': {
        const [separator, parts] = [args[0], resolve(args[1], path)];
        if (Array.isArray(parts) && parts.every((part) => typeof part === 'string'))
          return parts.join(String(separator));
        return intrinsic('string', 'Fn::Join');
      }
      case 'Fn::Select': {
        const [index, list] = [resolve(args[0], path), resolve(args[1], path)];
        if (Array.isArray(list) && Number.isInteger(Number(index))) {
          if (list[Number(index)] === undefined)
            throw new Error(`${path}: Fn::Select index ${index} out of range`);
          return list[Number(index)];
        }
        return intrinsic('string', 'Fn::Select');
      }
      case 'Fn::Split': {
        const source = resolve(args[1], path);
        return typeof source === 'string' ? source.split(String(args[0])) : intrinsic('array', 'Fn::Split');
      }
      default:
        throw new Error(`${path}: ${key} is not resolved by this check (add it to resolve-scenario.ts)`);
    }
  };

  for (const [name, rule] of Object.entries(section(template.raw, 'Rules'))) {
    const { RuleCondition, Assertions } = rule as { RuleCondition?: unknown; Assertions?: unknown[] };
    if (RuleCondition !== undefined && !truth(RuleCondition, `Rules.${name}`)) continue;
    for (const assertion of Assertions ?? []) {
      const { Assert, AssertDescription } = assertion as { Assert: unknown; AssertDescription?: string };
      if (!truth(Assert, `Rules.${name}`))
        problems.push(`Rules.${name}: ${AssertDescription ?? 'assertion fails'}`);
    }
  }
  const resources: Record<string, CfnResource> = {};
  for (const [name, resource] of Object.entries(template.resources)) {
    if (resource.Condition && !condition(resource.Condition)) continue;
    const properties = resolve(resource.Properties ?? {}, `Resources.${name}.Properties`);
    resources[name] = { ...resource, Properties: properties as Record<string, unknown> };
  }
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const [name, output] of Object.entries(template.outputs)) {
    const { Condition: when, ...rest } = output;
    if (typeof when === 'string' && !condition(when)) continue;
    outputs[name] = resolve(rest, `Outputs.${name}`) as Record<string, unknown>;
  }
  for (const name of Object.keys(template.conditions)) condition(name);
  return { problems, conditions: conditionCache, resources, outputs };
}
