import type { z } from 'zod';
import { BotError } from '../../src/errors.ts';

/** The Message as a JSON object, or undefined when it is not JSON or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a message that has already claimed to be of one source. A mismatch is a BotError
 * `PARSE.INVALID` whose userMessage reads "Looked like <what> but <first problems>", so the
 * dispatcher can post the message raw with that reason on the card.
 */
export function parseClaimed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidMessage(what, describeIssues(result.error.issues));
}

/** The BotError a parser throws when a message claims its source but cannot be read. */
export function invalidMessage(what: string, problem: string): BotError {
  return new BotError('PARSE.INVALID', `Looked like ${what} but ${problem}`);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${described.join('; ')}${more}`;
}
