/**
 * AWS's tag list as a key → value record. Keys are unique on a resource; an entry without a key
 * (the SDK types allow one) is dropped, a missing value reads as '' (tags may have empty values).
 */
export function toTagRecord(
  list: ReadonlyArray<{ Key?: string; Value?: string }> | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of list ?? []) if (Key !== undefined) tags[Key] = Value ?? '';
  return tags;
}
