import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A parsed YAML file that still knows where each value was written. */
export interface LocatedYaml {
  data: unknown;
  /** The 1-based line of the value at a config key (`routes.2.policy`), or of its nearest written parent. */
  lineOf(key: string): number | undefined;
}

export type YamlParse = { ok: true; yaml: LocatedYaml } | { ok: false; message: string };

/**
 * Parses YAML keeping node positions, so a config problem can say which line to fix: a key the
 * file lacks is placed at the nearest parent it has (`routes.0.policy` missing → `routes.0`).
 */
export function parseLocatedYaml(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const [error] = doc.errors;
  if (error) return { ok: false, message: error.message.split('\n')[0] ?? error.message };
  return {
    ok: true,
    yaml: {
      data: doc.toJS() ?? {},
      lineOf(key) {
        const node = deepestNode(doc.contents, key.split('.'));
        return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      },
    },
  };
}

/**
 * The node at a config path, or the deepest one the file has on the way. Map keys are compared as
 * text: `accounts.012345678901` and an unquoted `12345678901:` key are both written in the file.
 */
function deepestNode(root: unknown, path: readonly string[]): Node | undefined {
  let node = root as Node | undefined;
  for (const segment of path) {
    let next: unknown;
    if (isSeq(node)) next = node.items[Number(segment)];
    else if (isMap(node)) {
      const pair = node.items.find(
        (item) => String(isScalar(item.key) ? item.key.value : item.key) === segment,
      );
      next = pair?.value;
    }
    if (!next || typeof next !== 'object' || !('range' in next)) return node;
    node = next as Node;
  }
  return node;
}
