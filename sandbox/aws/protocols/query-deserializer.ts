import { type ServiceModel, type Shape, shapeOf } from '../model/service-model.ts';
import type { ValidationIssue } from '../validation/validation-issue.ts';

export interface DecodedQuery {
  input: Record<string, unknown>;
  /** Parameters whose text could not be read as the model's type (`MaxRecords=abc`). */
  issues: ValidationIssue[];
}

/**
 * Rebuilds an operation's input structure from awsQuery's flattened form parameters, following
 * the model: `Filters.Filter.1.Name` (list member named by its `locationName`, default `member`),
 * flattened lists `Name.1`, maps `Attrs.entry.1.key` / `.value`, booleans `true`/`false`,
 * ISO-8601 timestamps, base64 blobs. An empty parameter (`Filters=`) is an empty list, which is how
 * the SDK sends `[]`. Parameters the model does not know are ignored.
 */
export function decodeQueryInput(
  model: ServiceModel,
  shapeName: string,
  params: URLSearchParams,
): DecodedQuery {
  const decoder = new QueryDecoder(model, params);
  const input = decoder.structure(shapeOf(model, shapeName), '', []) ?? {};
  return { input, issues: decoder.issues };
}

class QueryDecoder {
  readonly issues: ValidationIssue[] = [];
  private readonly keys: string[];

  constructor(
    private readonly model: ServiceModel,
    private readonly params: URLSearchParams,
  ) {
    this.keys = [...params.keys()];
  }

  structure(shape: Shape, prefix: string, members: string[]): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const key = prefix === '' ? (ref.locationName ?? name) : `${prefix}.${ref.locationName ?? name}`;
      const value = this.value(
        shapeOf(this.model, ref.shape),
        key,
        [...members, name],
        ref.flattened === true,
      );
      if (value !== undefined) out[name] = value;
    }
    return Object.keys(out).length > 0 || prefix === '' ? out : undefined;
  }

  private value(shape: Shape, key: string, members: string[], flattened: boolean): unknown {
    if (shape.type === 'structure') return this.has(key) ? this.structure(shape, key, members) : undefined;
    if (shape.type === 'list') return this.list(shape, key, members, flattened || shape.flattened === true);
    if (shape.type === 'map') return this.map(shape, key, members, flattened || shape.flattened === true);
    const text = this.params.get(key);
    return text === null ? undefined : this.scalar(shape, text, members);
  }

  private list(shape: Shape, key: string, members: string[], flattened: boolean): unknown[] | undefined {
    if (this.params.get(key) === '') return [];
    const itemPrefix = flattened ? key : `${key}.${shape.member?.locationName ?? 'member'}`;
    const memberShape = shapeOf(this.model, shape.member?.shape ?? '');
    const items: unknown[] = [];
    for (let index = 1; this.has(`${itemPrefix}.${index}`); index++) {
      items.push(
        this.value(memberShape, `${itemPrefix}.${index}`, [...members, String(index)], false) ?? null,
      );
    }
    return items.length > 0 ? items : undefined;
  }

  private map(
    shape: Shape,
    key: string,
    members: string[],
    flattened: boolean,
  ): Record<string, unknown> | undefined {
    const entryPrefix = flattened ? key : `${key}.entry`;
    const keyName = shape.key?.locationName ?? 'key';
    const valueName = shape.value?.locationName ?? 'value';
    const valueShape = shapeOf(this.model, shape.value?.shape ?? '');
    const out: Record<string, unknown> = {};
    for (let index = 1; this.has(`${entryPrefix}.${index}`); index++) {
      const entryKey = this.params.get(`${entryPrefix}.${index}.${keyName}`);
      if (entryKey === null) continue;
      out[entryKey] = this.value(
        valueShape,
        `${entryPrefix}.${index}.${valueName}`,
        [...members, entryKey],
        false,
      );
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private scalar(shape: Shape, text: string, members: string[]): unknown {
    switch (shape.type) {
      case 'string':
        return text;
      case 'boolean':
        if (text === 'true' || text === 'false') return text === 'true';
        break;
      case 'integer':
      case 'long':
        if (/^-?\d+$/.test(text)) return Number(text);
        break;
      case 'float':
      case 'double':
        if (text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
        break;
      case 'timestamp':
        if (!Number.isNaN(Date.parse(text))) return new Date(text);
        break;
      case 'blob':
        return new Uint8Array(Buffer.from(text, 'base64'));
    }
    this.issues.push({
      path: members.map((name) => name.charAt(0).toLowerCase() + name.slice(1)).join('.'),
      members,
      kind: 'invalid',
      value: text,
      sensitive: shape.sensitive === true,
      constraint: `Member must be a valid ${shape.type}`,
    });
    return undefined;
  }

  /** True when the key itself or anything under it was sent. */
  private has(key: string): boolean {
    return this.keys.some((candidate) => candidate === key || candidate.startsWith(`${key}.`));
  }
}
