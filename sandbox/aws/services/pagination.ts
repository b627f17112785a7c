import { createHash } from 'node:crypto';

/**
 * Opaque-token pagination over an in-memory list. Tokens encode the next offset plus a tag of the
 * listing they belong to, so a token from another listing is rejected (as AWS rejects foreign tokens).
 */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  all: T[],
  options: { pageSize: number; token: string | undefined; listing: string; invalidToken: () => Error },
): Page<T> {
  const start = options.token === undefined ? 0 : decodeToken(options.token, options.listing);
  if (start === undefined || start > all.length) throw options.invalidToken();
  const end = start + options.pageSize;
  const items = all.slice(start, end);
  return end < all.length ? { items, nextToken: encodeToken(end, options.listing) } : { items };
}

/** Listings are named by a short hash so tokens stay small whatever the filters. */
function tag(listing: string): string {
  return createHash('sha256').update(listing).digest('hex').slice(0, 12);
}

function encodeToken(offset: number, listing: string): string {
  return Buffer.from(JSON.stringify({ o: offset, l: tag(listing) })).toString('base64url');
}

function decodeToken(token: string, listing: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, l } = parsed as { o?: unknown; l?: unknown };
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && l === tag(listing) ? o : undefined;
  } catch {
    return undefined;
  }
}
