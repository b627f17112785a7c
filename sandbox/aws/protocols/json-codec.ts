import { type ServiceModel, type Shape, shapeOf } from '../model/service-model.ts';
import { AwsServiceError } from '../service-error.ts';

/**
 * JSON wire values ⇄ decoded JS values, shared by restJson1 and awsJson: timestamps travel as
 * epoch seconds, blobs as base64. A wrong JSON type is a SerializationException (400), as the
 * services answer before any constraint is checked. Members the model does not know are dropped.
 */
export function decodeJson(model: ServiceModel, shape: Shape, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      const record = expectObject(value, path);
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const inner = decodeJson(model, shapeOf(model, ref.shape), record[name], `${path}.${name}`);
        if (inner !== undefined) out[name] = inner;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'a list');
      const member = shapeOf(model, shape.member?.shape ?? '');
      return value.map((item, index) => decodeJson(model, member, item, `${path}[${index}]`) ?? null);
    }
    case 'map': {
      const record = expectObject(value, path);
      const valueShape = shapeOf(model, shape.value?.shape ?? '');
      const entries = Object.entries(record).map(([key, inner]) => [
        key,
        decodeJson(model, valueShape, inner, `${path}.${key}`),
      ]);
      return Object.fromEntries(entries);
    }
    case 'timestamp':
      if (typeof value !== 'number') throw serializationError(path, 'a timestamp in epoch seconds');
      return new Date(value * 1000);
    case 'blob':
      if (typeof value !== 'string') throw serializationError(path, 'a base64 string');
      return new Uint8Array(Buffer.from(value, 'base64'));
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(path, 'a boolean');
      return value;
    case 'string':
      if (typeof value !== 'string') throw serializationError(path, 'a string');
      return value;
    default:
      if (typeof value !== 'number') throw serializationError(path, 'a number');
      return value;
  }
}

/**
 * Decoded output → JSON-ready value, following the output shape. The pipeline has already
 * validated the output against this shape, which is what makes the casts below hold.
 */
export function encodeJson(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location) continue; // headers and status codes are not body members
        const inner = encodeJson(model, shapeOf(model, ref.shape), record[name]);
        if (inner !== undefined) out[name] = inner;
      }
      return out;
    }
    case 'list': {
      const member = shapeOf(model, shape.member?.shape ?? '');
      return (value as unknown[]).map((item) => encodeJson(model, member, item) ?? null);
    }
    case 'map': {
      const valueShape = shapeOf(model, shape.value?.shape ?? '');
      const entries = Object.entries(value as Record<string, unknown>);
      return Object.fromEntries(entries.map(([key, inner]) => [key, encodeJson(model, valueShape, inner)]));
    }
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    case 'blob':
      return Buffer.from(value as Uint8Array).toString('base64');
    default:
      return value;
  }
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw serializationError(path, 'an object');
  return value as Record<string, unknown>;
}

function serializationError(path: string, expected: string): AwsServiceError {
  const where = path.replace(/^\./, '');
  return new AwsServiceError('SerializationException', `Expected ${expected} at '${where}'`, { status: 400 });
}

/** Parses a JSON request body; an empty body is an empty object, as the SDKs send for no input. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsServiceError('SerializationException', 'The request body is not valid JSON', {
      status: 400,
    });
  }
  return expectObject(parsed, 'body');
}
