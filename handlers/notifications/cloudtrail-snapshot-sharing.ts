/** How a Modify*SnapshotAttribute call changed who may restore a snapshot. */
export interface SnapshotSharingChange {
  /** `public`: "all" was added, anyone can restore it; `shared`: accounts were added; `unshared`: only removals. */
  kind: 'public' | 'shared' | 'unshared';
  added: string[];
  removed: string[];
}

const SHARING_CALLS = new Set(['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute']);

/**
 * Classifies a snapshot-attribute change. Only the `restore` attribute controls sharing; `all`
 * in valuesToAdd makes the snapshot public (a data-exposure incident). Other calls: undefined.
 */
export function classifySnapshotSharing(
  eventName: string,
  requestParameters: Record<string, unknown> | null | undefined,
): SnapshotSharingChange | undefined {
  if (!SHARING_CALLS.has(eventName) || !requestParameters) return undefined;
  if (requestParameters['attributeName'] !== 'restore') return undefined;
  const added = strings(requestParameters['valuesToAdd']);
  const removed = strings(requestParameters['valuesToRemove']);
  if (added.some((value) => value.toLowerCase() === 'all')) return { kind: 'public', added, removed };
  if (added.length > 0) return { kind: 'shared', added, removed };
  if (removed.length > 0) return { kind: 'unshared', added, removed };
  return undefined;
}

/** `all` reads as "everyone (public)" on a card; account ids stay as they are. */
export function describeAudience(values: string[]): string {
  return values.map((value) => (value.toLowerCase() === 'all' ? 'everyone (public)' : value)).join(', ');
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
