import type { DbClusterFacts, DbInstanceFacts } from './rds-facts.ts';

/**
 * The CloudWatch metrics (namespace AWS/RDS, unit Bytes) that say how close a database is to
 * running out of storage:
 * - `FreeStorageSpace` (DBInstanceIdentifier): free space of an RDS instance's volume, shown
 *   against its AllocatedStorage.
 * - `AuroraVolumeBytesLeftTotal` (DBClusterIdentifier): what an Aurora cluster volume may still
 *   grow by before its size limit (64, 128 or 256 TiB by engine version). The volume grows by
 *   itself, so this, not a percentage, is what runs out.
 * - `FreeLocalStorage` (DBInstanceIdentifier): an Aurora instance's own disk for temporary tables,
 *   sorts and logs, sized by the instance class; when it fills, queries fail even with room left
 *   in the cluster volume.
 */
export type StorageMetricName = 'FreeStorageSpace' | 'AuroraVolumeBytesLeftTotal' | 'FreeLocalStorage';

export interface StorageMetric {
  name: StorageMetricName;
  /** The DB instance or cluster the metric is about (its dimension). */
  subject: { kind: 'instance' | 'cluster'; id: string };
}

/** What one metric said: its newest value in bytes, nothing in the window, or why it was not read. */
export type StorageReading =
  | { kind: 'value'; bytes: number; at: Date }
  | { kind: 'no-datapoints' }
  | { kind: 'not-read'; reason: string };

export interface StorageFinding {
  metric: StorageMetric;
  reading: StorageReading;
}

export type StorageSeverity = 'ok' | 'warning' | 'critical';

/** How far back the latest datapoint may be: RDS publishes these metrics every minute. */
export const STORAGE_WINDOW_MINUTES = 15;

export const GiB = 1024 ** 3;
export const TiB = 1024 * GiB;

/**
 * Percent free under which an instance's storage is marked. RDS's own low-storage event fires near
 * the bottom; 10 % leaves time to act, 20 % is worth a look.
 */
export const INSTANCE_FREE_PERCENT = { critical: 10, warning: 20 } as const;
/** Bytes left in an Aurora volume under which it is marked (the sandbox drill alarms under 1 TiB). */
export const VOLUME_LEFT_BYTES = { critical: 1 * TiB, warning: 10 * TiB } as const;

export const isAurora = (engine: string) => engine.startsWith('aurora');

const instanceMetric = (name: StorageMetricName, id: string): StorageMetric => ({
  name,
  subject: { kind: 'instance', id },
});
const volumeMetric = (clusterId: string): StorageMetric => ({
  name: 'AuroraVolumeBytesLeftTotal',
  subject: { kind: 'cluster', id: clusterId },
});

/**
 * For an RDS instance its free space; for an Aurora member its local storage and what is left in
 * its cluster's volume (the shared storage every member writes to).
 */
export function storageMetricsOfInstance(instance: DbInstanceFacts): StorageMetric[] {
  if (!isAurora(instance.engine)) return [instanceMetric('FreeStorageSpace', instance.id)];
  return [
    ...(instance.clusterId ? [volumeMetric(instance.clusterId)] : []),
    instanceMetric('FreeLocalStorage', instance.id),
  ];
}

/**
 * For an Aurora cluster the volume and each member's local storage; for a Multi-AZ DB cluster
 * (not Aurora, each member with its own volume) each member's free space.
 */
export function storageMetricsOfCluster(cluster: DbClusterFacts): StorageMetric[] {
  const memberMetric: StorageMetricName = isAurora(cluster.engine) ? 'FreeLocalStorage' : 'FreeStorageSpace';
  return [
    ...(isAurora(cluster.engine) ? [volumeMetric(cluster.id)] : []),
    ...cluster.members.map((member) => instanceMetric(memberMetric, member.instanceId)),
  ];
}

/** The metric's one dimension, as CloudWatch names it. */
export function dimensionsOf(metric: StorageMetric): Record<string, string> {
  return metric.subject.kind === 'cluster'
    ? { DBClusterIdentifier: metric.subject.id }
    : { DBInstanceIdentifier: metric.subject.id };
}

/** An instance's free space against its allocated size (GiB), by INSTANCE_FREE_PERCENT. */
export function instanceSeverity(freeBytes: number, allocatedGiB: number): StorageSeverity {
  const percent = (freeBytes / (allocatedGiB * GiB)) * 100;
  if (percent < INSTANCE_FREE_PERCENT.critical) return 'critical';
  return percent < INSTANCE_FREE_PERCENT.warning ? 'warning' : 'ok';
}

/** What is left in an Aurora volume, by VOLUME_LEFT_BYTES. */
export function volumeSeverity(bytesLeft: number): StorageSeverity {
  if (bytesLeft < VOLUME_LEFT_BYTES.critical) return 'critical';
  return bytesLeft < VOLUME_LEFT_BYTES.warning ? 'warning' : 'ok';
}
