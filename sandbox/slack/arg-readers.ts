import { invalidArguments, SlackApiError } from './api-error.ts';
import type { CallArgs } from './types.ts';

/**
 * Typed reads of Web API arguments. Form bodies carry strings only ("true", "42", JSON text);
 * JSON bodies carry real types. Both are accepted, as Slack does.
 */

export function optionalString(args: CallArgs, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidArguments([`invalid type for field: ${name}, expected a string`]);
}

/** A non-empty string, else `missingError` (default: invalid_arguments naming the field). */
export function requireString(args: CallArgs, name: string, missingError?: string): string {
  const value = optionalString(args, name);
  if (value === undefined || value === '') {
    throw missingError
      ? new SlackApiError(missingError)
      : invalidArguments([`missing required field: ${name}`]);
  }
  return value;
}

export function optionalBoolean(args: CallArgs, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  throw invalidArguments([`invalid type for field: ${name}, expected a boolean`]);
}

export function optionalInteger(args: CallArgs, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed))
    throw invalidArguments([`invalid type for field: ${name}, expected an integer`]);
  return parsed;
}

/**
 * A JSON argument: parsed from text (form bodies), or taken as is (JSON bodies).
 * Unparseable text fails with `formatError` (e.g. `invalid_blocks_format`).
 */
export function optionalJson(args: CallArgs, name: string, formatError: string): unknown {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SlackApiError(formatError);
  }
}

/** A comma-separated list ("U1,U2") or a JSON array of strings. */
export function optionalList(args: CallArgs, name: string): string[] | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
  throw invalidArguments([`invalid type for field: ${name}, expected a comma-separated string`]);
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
