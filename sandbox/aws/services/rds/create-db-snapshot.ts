import type {
  CreateDBClusterSnapshotMessage,
  CreateDBClusterSnapshotResult,
  CreateDBSnapshotMessage,
  CreateDBSnapshotResult,
  DBClusterSnapshot,
} from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { rdsModelledError, rdsNotFound } from './rds-errors.ts';
import { createManualSnapshot } from './rds-snapshot-actions.ts';
import { snapshotAt } from './snapshot-progress.ts';

/**
 * CreateDBSnapshot: a manual snapshot of an available instance, `creating` until
 * `state.rds.snapshotCreationMs` of clock time has passed. The identifier rules are checked before
 * (rds-constraints.ts); RDS stores it lower-case, so a name taken in any case is
 * DBSnapshotAlreadyExists. An instance that is not available, or is an Aurora member, is
 * InvalidDBInstanceState (rds-snapshot-actions.ts).
 */
export function createDBSnapshot(
  raw: Record<string, unknown>,
  context: HandlerContext,
): CreateDBSnapshotResult {
  const input = validatedInput<CreateDBSnapshotMessage>(raw);
  const { rds } = context.state;
  const now = context.clock.now();
  const availableAt = new Date(now.getTime() + rds.snapshotCreationMs);
  const snapshot = createManualSnapshot(
    rds,
    input.DBInstanceIdentifier ?? '',
    input.DBSnapshotIdentifier ?? '',
    availableAt,
  );
  return { DBSnapshot: snapshotAt(snapshot, availableAt, now) };
}

/** CreateDBClusterSnapshot: the same for a cluster, kept in `state.rds.clusterSnapshots`. */
export function createDBClusterSnapshot(
  raw: Record<string, unknown>,
  context: HandlerContext,
): CreateDBClusterSnapshotResult {
  const input = validatedInput<CreateDBClusterSnapshotMessage>(raw);
  const { rds } = context.state;
  const cluster = rds.clusters.get((input.DBClusterIdentifier ?? '').toLowerCase());
  if (!cluster)
    throw rdsNotFound('DBClusterNotFoundFault', `DBCluster ${input.DBClusterIdentifier} not found.`);
  const id = (input.DBClusterSnapshotIdentifier ?? '').toLowerCase();
  if (rds.clusterSnapshots.has(id))
    throw rdsModelledError(
      'DBClusterSnapshotAlreadyExistsFault',
      `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
    );
  if (cluster.Status !== 'available')
    throw rdsModelledError(
      'InvalidDBClusterStateFault',
      `DBCluster ${cluster.DBClusterIdentifier} is not in the available state.`,
    );
  const now = context.clock.now();
  const availableAt = new Date(now.getTime() + rds.snapshotCreationMs);
  const snapshot: DBClusterSnapshot = {
    DBClusterSnapshotIdentifier: id,
    DBClusterIdentifier: cluster.DBClusterIdentifier,
    DBClusterSnapshotArn: cluster.DBClusterArn?.replace(/:cluster:[^:]+$/, `:cluster-snapshot:${id}`),
    SnapshotType: 'manual',
    Status: 'creating',
    PercentProgress: 0,
    StorageEncrypted: cluster.StorageEncrypted ?? false,
    Engine: cluster.Engine,
    EngineVersion: cluster.EngineVersion,
    SnapshotCreateTime: now,
    ClusterCreateTime: cluster.ClusterCreateTime,
  };
  rds.clusterSnapshots.set(id, { snapshot, availableAt });
  return { DBClusterSnapshot: snapshotAt(snapshot, availableAt, now) };
}
