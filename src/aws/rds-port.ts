import type {
  DbClusterFacts,
  DbInstanceFacts,
  DbSnapshotFacts,
  LogFileFacts,
  LogPortion,
  PendingMaintenance,
  SnapshotExposure,
} from '../rds/index.ts';

/**
 * The RDS calls warroom makes for `/incident rds` and the card's Database menu. Every
 * method throws BotError `AWS.*` (see aws-error.ts) or `RDS.*` for the refusals worth their own
 * words (a snapshot name taken, a DB not available).
 */
export interface RdsPort {
  describeInstance(id: string): Promise<DbInstanceFacts>;
  describeCluster(id: string): Promise<DbClusterFacts>;
  /**
   * The instances named by id (DescribeDBInstances filtered by db-instance-id, 100 ids a call);
   * ids RDS does not know are simply missing from the answer.
   */
  describeInstances(ids: readonly string[]): Promise<DbInstanceFacts[]>;
  /** The member instances of a cluster (DescribeDBInstances filtered by db-cluster-id). */
  listClusterInstances(clusterId: string): Promise<DbInstanceFacts[]>;
  /** Manual snapshots of an instance, each with its `restore` attribute. */
  listManualSnapshots(instanceId: string): Promise<SnapshotExposure[]>;
  /** One DB snapshot with its `restore` attribute. */
  describeSnapshotExposure(snapshotId: string): Promise<SnapshotExposure>;
  describeSnapshot(snapshotId: string): Promise<DbSnapshotFacts>;
  describeClusterSnapshot(snapshotId: string): Promise<DbSnapshotFacts>;
  /** Pending maintenance of one resource, by its ARN. */
  pendingMaintenance(resourceArn: string): Promise<PendingMaintenance[]>;
  listLogFiles(instanceId: string): Promise<LogFileFacts[]>;
  downloadLogPortion(
    instanceId: string,
    fileName: string,
    request: { lines: number; marker?: string },
  ): Promise<LogPortion>;
  createSnapshot(instanceId: string, snapshotId: string): Promise<DbSnapshotFacts>;
  createClusterSnapshot(clusterId: string, snapshotId: string): Promise<DbSnapshotFacts>;
}
