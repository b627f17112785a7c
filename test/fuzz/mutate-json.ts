import fc from 'fast-check';

/** One change to one node of a JSON document: which node (`at`, modulo the node count) and how. */
export interface Mutation {
  at: number;
  op: 'null' | 'remove' | 'retype' | 'truncate' | 'replace';
  /** For `replace` (and `retype` when its type differs). */
  value: unknown;
  /** For `truncate`: how much to keep, modulo the length. */
  keep: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('null', 'remove', 'retype', 'truncate', 'replace'),
  value: fc.jsonValue({ maxDepth: 2 }),
  keep: fc.nat(),
});

/** Zero to three mutations: a third of the runs send the payload as built (still valid). */
export const mutationsArb = fc.oneof(
  fc.constant([] as Mutation[]),
  fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
);

type Container = Record<string, unknown> | unknown[];

/** Every node below the root, as [parent, key], depth first. */
function nodesOf(root: unknown): Array<[Container, string | number]> {
  const found: Array<[Container, string | number]> = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        found.push([node, index]);
        visit(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        found.push([node as Record<string, unknown>, key]);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The same value as another JSON type: what a sender with the wrong idea of a field would send. */
function retype(current: unknown, candidate: unknown): unknown {
  if (typeOf(candidate) !== typeOf(current)) return candidate;
  const alternatives: Record<string, unknown> = {
    string: 42,
    number: '42',
    boolean: 'true',
    array: {},
    object: [],
    null: 0,
  };
  return alternatives[typeOf(current)];
}

function truncated(current: unknown, keep: number): unknown {
  if (typeof current === 'string') return current.slice(0, keep % (current.length + 1));
  if (Array.isArray(current)) return current.slice(0, keep % (current.length + 1));
  if (typeof current === 'object' && current !== null) {
    const entries = Object.entries(current);
    return Object.fromEntries(entries.slice(0, keep % (entries.length + 1)));
  }
  return current;
}

function mutated(current: unknown, mutation: Mutation): unknown {
  if (mutation.op === 'null' || mutation.op === 'remove') return null;
  if (mutation.op === 'retype') return retype(current, mutation.value);
  if (mutation.op === 'truncate') return truncated(current, mutation.keep);
  return mutation.value;
}

/**
 * A mutated deep copy of `root`; the original is left as it was. The root itself is one of the
 * nodes a mutation can pick: the whole payload nulled, retyped or cut.
 */
export function mutateJson(root: unknown, mutations: readonly Mutation[]): unknown {
  let copy = structuredClone(root);
  for (const mutation of mutations) {
    const nodes = nodesOf(copy);
    const picked = mutation.at % (nodes.length + 1);
    if (picked === nodes.length) {
      copy = mutated(copy, mutation);
      continue;
    }
    const [parent, key] = nodes[picked] as [Container, string | number];
    if (mutation.op !== 'remove')
      (parent as Record<string | number, unknown>)[key] = mutated(
        (parent as Record<string | number, unknown>)[key],
        mutation,
      );
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[String(key)];
  }
  return copy;
}
