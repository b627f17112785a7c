import { LineCounter, parseDocument } from 'yaml';

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
        const path = key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        for (let length = path.length; length > 0; length--) {
          const node = doc.getIn(path.slice(0, length), true) as
            | { range?: [number, number, number] }
            | undefined;
          if (node?.range) return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
      },
    },
  };
}
