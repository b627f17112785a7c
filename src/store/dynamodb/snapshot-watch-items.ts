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
  return {
    ...watchKey(watch),
    kind: watch.kind,
    snapshotId: watch.snapshotId,
    seq: watch.seq,
    sourceId: watch.sourceId,
    startedBy: watch.startedBy,
    startedAt: iso(watch.startedAt),
    status: 'watching',
    nextCheckAt: iso(watch.nextCheckAt),
    delayMs: watch.delayMs,
    attempts: 0,
    reportAttempts: 0,
    gsi1pk: SNAPSHOTS_DUE,
    gsi1sk: watchDueKey(watch.nextCheckAt, watch),
  };
}
