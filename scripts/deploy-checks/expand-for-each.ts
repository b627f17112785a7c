/**
 * `Fn::ForEach` from the AWS::LanguageExtensions transform, expanded the way CloudFormation does
 * before anything else looks at the template: each `Fn::ForEach::Name: [Identifier, Collection,
 * {OutputKey: body}]` becomes one entry per item, `${Identifier}` / `&{Identifier}` (non-alphanumerics
 * dropped) in the key, `Ref: Identifier` and `${Identifier}` in the body replaced by the item.
 */
export type ResolveCollection = (collection: unknown, loop: string) => string[];

const FOR_EACH = 'Fn::ForEach::';

function replaceIdentifier(body: unknown, identifier: string, item: string): unknown {
  if (Array.isArray(body)) return body.map((entry) => replaceIdentifier(entry, identifier, item));
  if (typeof body !== 'object' || body === null) return body;
  const entries = Object.entries(body);
  if (entries.length === 1 && entries[0]?.[0] === 'Ref' && entries[0][1] === identifier) return item;
  if (entries.length === 1 && entries[0]?.[0] === 'Fn::Sub') {
    const sub = entries[0][1];
    const swap = (text: unknown) =>
      typeof text === 'string' ? text.replaceAll(`\${${identifier}}`, item.replaceAll('$', '$$')) : text;
    return {
      'Fn::Sub': Array.isArray(sub) ? [swap(sub[0]), replaceIdentifier(sub[1], identifier, item)] : swap(sub),
    };
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, replaceIdentifier(value, identifier, item)]));
}

function expandKey(key: string, identifier: string, item: string): string {
  return key
    .replaceAll(`\${${identifier}}`, item)
    .replaceAll(`&{${identifier}}`, item.replace(/[^A-Za-z0-9]/g, ''));
}

/** Expands every `Fn::ForEach::` entry of one template section (Resources, Outputs, Conditions). */
export function expandForEach(
  section: Record<string, unknown>,
  resolveCollection: ResolveCollection,
): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  const add = (key: string, value: unknown) => {
    if (key in expanded) throw new Error(`Fn::ForEach: two entries are both named ${key}`);
    expanded[key] = value;
  };
  for (const [key, value] of Object.entries(section)) {
    if (!key.startsWith(FOR_EACH)) {
      add(key, value);
      continue;
    }
    if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== 'string') {
      throw new Error(`${key}: expected [Identifier, Collection, {OutputKey: body}]`);
    }
    const [identifier, collection, outputs] = value as [string, unknown, unknown];
    if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
      throw new Error(`${key}: expected a mapping of output keys to bodies as the third item`);
    }
    for (const item of resolveCollection(collection, key)) {
      const once: Record<string, unknown> = {};
      for (const [outputKey, body] of Object.entries(outputs)) {
        if (!outputKey.includes(`{${identifier}}`)) {
          throw new Error(
            `${key}: output key ${outputKey} does not use \${${identifier}} or &{${identifier}}`,
          );
        }
        once[expandKey(outputKey, identifier, item)] = replaceIdentifier(body, identifier, item);
      }
      for (const [outputKey, body] of Object.entries(expandForEach(once, resolveCollection))) {
        add(outputKey, body);
      }
    }
  }
  return expanded;
}
