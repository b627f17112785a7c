import type { DBClusterSnapshotMessage, DescribeDBClusterSnapshotsMessage } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsModelledError } from './rds-errors.ts';
import type { ClusterSnapshotRecord } from './rds-state.ts';
import { snapshotAt } from './snapshot-progress.ts';

const FILTERS: Record<string, (record: ClusterSnapshotRecord) => Array<string | undefined>> = {
  'db-cluster-id': ({ snapshot }) => [snapshot.DBClusterIdentifier],
  'db-cluster-snapshot-id': ({ snapshot }) => [
    snapshot.DBClusterSnapshotIdentifier,
    snapshot.DBClusterSnapshotArn,
  ],
  'snapshot-type': ({ snapshot }) => [snapshot.SnapshotType],
  engine: ({ snapshot }) => [snapshot.Engine],
};

/** DescribeDBClusterSnapshots: by id or ARN (404 if unknown), by cluster, type and Filters; status follows the clock. */
export function describeDBClusterSnapshots(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DBClusterSnapshotMessage {
  const input = validatedInput<DescribeDBClusterSnapshotsMessage>(raw);
  let records = [...context.state.rds.clusterSnapshots.values()];
  const wanted = input.DBClusterSnapshotIdentifier?.toLowerCase();
  if (wanted !== undefined) {
    records = records.filter(
      ({ snapshot }) =>
        snapshot.DBClusterSnapshotIdentifier === wanted ||
        snapshot.DBClusterSnapshotArn?.toLowerCase() === wanted,
    );
    if (records.length === 0)
      throw rdsModelledError(
        'DBClusterSnapshotNotFoundFault',
        `DBClusterSnapshot ${input.DBClusterSnapshotIdentifier} not found.`,
      );
  }
  const clusterId = input.DBClusterIdentifier?.toLowerCase();
  if (clusterId !== undefined)
    records = records.filter(({ snapshot }) => snapshot.DBClusterIdentifier === clusterId);
  if (input.SnapshotType !== undefined)
    records = records.filter(({ snapshot }) => snapshot.SnapshotType === input.SnapshotType);
  const page = paginate(records.filter(rdsFilterMatcher(input.Filters, FILTERS)), {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `cluster-snapshots:${JSON.stringify([input.Filters, wanted, clusterId, input.SnapshotType])}`,
    invalidToken: invalidMarker,
  });
  const now = context.clock.now();
  return {
    DBClusterSnapshots: page.items.map(({ snapshot, availableAt }) => snapshotAt(snapshot, availableAt, now)),
    Marker: page.nextToken,
  };
}
