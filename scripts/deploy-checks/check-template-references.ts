import { type CfnTemplate, PSEUDO_PARAMETERS, section } from './cfn-template.ts';
import { type ProviderSchema, readOnlyNames } from './resource-schemas.ts';

const TOP_LEVEL = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);

/** Where a value sits: which names it may use and which conditions are known to hold there. */
interface Scope {
  path: string;
  /** Conditions and rules may Ref parameters only; resources and outputs may Ref resources too. */
  refsResources: boolean;
  /** `Fn::ForEach` identifiers in force. */
  locals: Set<string>;
  /** Conditions that hold wherever this value is used (resource/output Condition, Fn::If branch). */
  holding: Set<string>;
}

/** `${Name}` and `${Resource.Attribute}` in an Fn::Sub string; `${!Literal}` is not a variable. */
function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => (match[1] as string).trim());
}

/**
 * The names a template uses that must exist: every Ref, Fn::GetAtt (and its attribute), Fn::Sub
 * variable, condition name and DependsOn, checked against what the template and the resource
 * schemas declare; plus parameters nothing uses, and references to a resource that exists only under
 * a condition from a place where that condition is not known to hold. Returns one line per problem.
 */
export function checkTemplateReferences(
  template: CfnTemplate,
  schemas: Map<string, ProviderSchema>,
): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  const { parameters, conditions, resources, outputs, raw } = template;

  const checkResourceUse = (name: string, scope: Scope) => {
    const condition = resources[name]?.Condition;
    if (condition && !scope.holding.has(condition)) {
      problems.push(
        `${scope.path}: uses ${name}, which exists only when ${condition} holds, where it may not`,
      );
    }
  };
  const checkName = (name: string, scope: Scope, attribute?: string) => {
    if (scope.locals.has(name) || PSEUDO_PARAMETERS.has(name)) return;
    if (name in parameters && attribute === undefined) {
      used.add(name);
      return;
    }
    const resource = scope.refsResources ? resources[name] : undefined;
    if (!resource) {
      problems.push(
        `${scope.path}: ${name} is not a ${scope.refsResources ? 'parameter or resource' : 'parameter'}`,
      );
      return;
    }
    checkResourceUse(name, scope);
    const schema = schemas.get(resource.Type);
    if (attribute !== undefined && schema && !readOnlyNames(schema).includes(attribute)) {
      problems.push(`${scope.path}: ${resource.Type} has no attribute ${attribute} (${name}.${attribute})`);
    }
  };
  const checkCondition = (name: unknown, path: string) => {
    if (typeof name !== 'string' || !(name in conditions))
      problems.push(`${path}: no condition named ${name}`);
  };

  const walk = (value: unknown, scope: Scope): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, { ...scope, path: `${scope.path}[${i}]` });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const entries = Object.entries(value);
    const [key, argument] = entries.length === 1 ? (entries[0] as [string, unknown]) : ['', undefined];
    const inner = { ...scope, path: `${scope.path}.${key}` };
    if (key === 'Ref') {
      if (typeof argument === 'string') checkName(argument, inner);
      else problems.push(`${inner.path}: expected a name`);
    } else if (key === 'Fn::GetAtt') {
      const [name, attribute] = Array.isArray(argument) ? argument : [];
      if (typeof name === 'string' && typeof attribute === 'string' && name in resources) {
        checkName(name, inner, attribute);
      } else problems.push(`${inner.path}: expected [Resource, Attribute] naming a resource`);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      const own = new Set(Object.keys((variables ?? {}) as object));
      for (const variable of typeof text === 'string' ? subVariables(text) : []) {
        if (own.has(variable)) continue;
        const [name, ...attribute] = variable.split('.');
        checkName(name as string, inner, attribute.length > 0 ? attribute.join('.') : undefined);
      }
      walk(variables, inner);
    } else if (key === 'Fn::If') {
      const [condition, whenTrue, whenFalse] = Array.isArray(argument) ? argument : [];
      checkCondition(condition, inner.path);
      walk(whenTrue, { ...inner, holding: new Set([...scope.holding, String(condition)]) });
      walk(whenFalse, inner);
    } else if (key === 'Condition' && !scope.refsResources) {
      checkCondition(argument, inner.path);
    } else {
      for (const [name, child] of entries) walk(child, { ...scope, path: `${scope.path}.${name}` });
    }
  };

  for (const key of Object.keys(raw))
    if (!TOP_LEVEL.has(key)) problems.push(`${key}: not a template section`);
  const plain = { refsResources: false, locals: new Set<string>(), holding: new Set<string>() };
  for (const [name, body] of Object.entries(conditions)) walk(body, { ...plain, path: `Conditions.${name}` });
  for (const [name, rule] of Object.entries(section(raw, 'Rules')))
    walk(rule, { ...plain, path: `Rules.${name}` });

  // Resources are walked as written, so Fn::ForEach identifiers are known and collections count as uses.
  const walkResource = (name: string, resource: unknown, locals: Set<string>) => {
    const { Type, Condition, DependsOn, Properties, ...rest } = resource as Record<string, unknown>;
    const path = `Resources.${name}`;
    if (typeof Type !== 'string' || !schemas.has(Type))
      problems.push(`${path}: no vendored schema for type ${Type}`);
    if (Condition !== undefined) checkCondition(Condition, `${path}.Condition`);
    const scope = {
      path,
      refsResources: true,
      locals,
      holding: new Set(Condition ? [String(Condition)] : []),
    };
    for (const dependency of [DependsOn ?? []].flat()) {
      if (typeof dependency === 'string' && dependency in resources) checkResourceUse(dependency, scope);
      else problems.push(`${path}.DependsOn: no resource named ${dependency}`);
    }
    walk(Properties, { ...scope, path: `${path}.Properties` });
    walk(rest, scope);
  };
  for (const [name, resource] of Object.entries(section(raw, 'Resources'))) {
    if (!name.startsWith('Fn::ForEach::')) {
      walkResource(name, resource, new Set());
      continue;
    }
    const [identifier, collection, bodies] = resource as [string, unknown, Record<string, unknown>];
    walk(collection, { ...plain, path: `Resources.${name}[1]` });
    for (const [key, body] of Object.entries(bodies))
      walkResource(`${name}.${key}`, body, new Set([identifier]));
  }
  for (const [name, output] of Object.entries(outputs)) {
    const { Condition: condition, ...rest } = output;
    if (condition !== undefined) checkCondition(condition, `Outputs.${name}.Condition`);
    const holding = new Set(condition ? [String(condition)] : []);
    walk(rest, { path: `Outputs.${name}`, refsResources: true, locals: new Set(), holding });
    if (output.Value === undefined) problems.push(`Outputs.${name}: no Value`);
  }
  for (const name of Object.keys(parameters)) {
    if (!used.has(name)) problems.push(`Parameters.${name}: declared but never used`);
  }
  return problems;
}
