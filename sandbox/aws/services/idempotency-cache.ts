import { isDeepStrictEqual } from 'node:util';

interface Entry {
  input: unknown;
  result: unknown;
}

/**
 * Client-token idempotency as AWS implements it: the same token with the same input replays the
 * first result without doing the work again; the same token with a different input is an error
 * (which one is service-specific, so the caller builds it).
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  run<T>(
    scope: string,
    token: string | undefined,
    input: unknown,
    onMismatch: () => Error,
    work: () => T,
  ): T {
    if (token === undefined) return work();
    const key = `${scope}\u0000${token}`;
    const comparable = withoutToken(input);
    const previous = this.entries.get(key);
    if (previous) {
      if (!isDeepStrictEqual(previous.input, comparable)) throw onMismatch();
      return previous.result as T;
    }
    const result = work();
    this.entries.set(key, { input: comparable, result });
    return result;
  }
}

/** The token itself is not part of "the same input". */
function withoutToken(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { clientToken: _a, ClientToken: _b, ...rest } = input as Record<string, unknown>;
  return rest;
}
