import type {
  NewSnapshotWatch,
  SnapshotKey,
  SnapshotOutcome,
  SnapshotWatchRecord,
} from '../snapshot-watch-store.ts';
import type { Item } from './dynamo-table.ts';
import { iso, SNAPSHOTS_DUE, snapshotWatchKey } from './keys.ts';

export const watchKey = ({ kind, snapshotId }: SnapshotKey) => snapshotWatchKey(kind, snapshotId);
/** The due list's sort key: the next look (or the claim's end), then which snapshot. */
export const watchDueKey = (at: Date, { kind, snapshotId }: SnapshotKey) =>
  `${iso(at)}#${kind}#${snapshotId}`;

export function readWatchItem(item: Item): SnapshotWatchRecord {
  return {
    kind: item.kind as SnapshotKey['kind'],
    snapshotId: item.snapshotId as string,
    seq: item.seq as number,
    sourceId: item.sourceId as string,
    startedBy: item.startedBy as string,
    startedAt: new Date(item.startedAt as string),
    status: item.status as SnapshotWatchRecord['status'],
    nextCheckAt: item.nextCheckAt === undefined ? undefined : new Date(item.nextCheckAt as string),
    delayMs: item.delayMs as number,
    attempts: item.attempts as number,
    outcome: item.outcome === undefined ? undefined : (JSON.parse(item.outcome as string) as SnapshotOutcome),
    reportAttempts: item.reportAttempts as number,
  };
}

/** A new watch: watching, its first look due at `nextCheckAt`. */
export function watchItem(watch: NewSnapshotWatch): Item {
  return storedWatchItem({ ...watch, status: 'watching', attempts: 0, reportAttempts: 0 });
}

/** What a watch's item keeps beside the port's record: the last report failure and when it ended. */
export interface WatchHistory {
  lastError?: string;
  doneAt?: Date;
}

/**
 * A watch in any state: in the due list while watching (by its next look) or reporting (by the
 * claim's end), out of it once done.
 */
export function storedWatchItem(watch: SnapshotWatchRecord & WatchHistory): Item {
  const listed = watch.status !== 'done' && watch.nextCheckAt !== undefined;
  return {
    ...watchKey(watch),
    kind: watch.kind,
    snapshotId: watch.snapshotId,
    seq: watch.seq,
    sourceId: watch.sourceId,
    startedBy: watch.startedBy,
    startedAt: iso(watch.startedAt),
    status: watch.status,
    ...(watch.nextCheckAt && watch.status !== 'done' ? { nextCheckAt: iso(watch.nextCheckAt) } : {}),
    delayMs: watch.delayMs,
    attempts: watch.attempts,
    ...(watch.outcome !== undefined ? { outcome: JSON.stringify(watch.outcome) } : {}),
    reportAttempts: watch.reportAttempts,
    ...(watch.lastError !== undefined ? { lastError: watch.lastError } : {}),
    ...(watch.doneAt ? { doneAt: iso(watch.doneAt) } : {}),
    ...(listed && watch.nextCheckAt
      ? { gsi1pk: SNAPSHOTS_DUE, gsi1sk: watchDueKey(watch.nextCheckAt, watch) }
      : {}),
  };
}
