import type { DBCluster, DBClusterMessage, DescribeDBClustersMessage } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsNotFound } from './rds-errors.ts';

const FILTERS: Record<string, (cluster: DBCluster) => Array<string | undefined>> = {
  'clone-group-id': (cluster) => [cluster.CloneGroupId],
  'db-cluster-id': (cluster) => [cluster.DBClusterIdentifier, cluster.DBClusterArn],
  'db-cluster-resource-id': (cluster) => [cluster.DbClusterResourceId],
  domain: (cluster) => (cluster.DomainMemberships ?? []).map((membership) => membership.Domain),
  engine: (cluster) => [cluster.Engine],
};

/** DescribeDBClusters: like DescribeDBInstances; unknown id → DBClusterNotFoundFault (404). */
export function describeDBClusters(raw: Record<string, unknown>, context: HandlerContext): DBClusterMessage {
  const input = validatedInput<DescribeDBClustersMessage>(raw);
  let clusters = [...context.state.rds.clusters.values()];
  const wanted = input.DBClusterIdentifier?.toLowerCase();
  if (wanted !== undefined) {
    clusters = clusters.filter(
      (cluster) => cluster.DBClusterIdentifier === wanted || cluster.DBClusterArn?.toLowerCase() === wanted,
    );
    if (clusters.length === 0)
      throw rdsNotFound('DBClusterNotFoundFault', `DBCluster ${input.DBClusterIdentifier} not found.`);
  }
  const page = paginate(clusters.filter(rdsFilterMatcher(input.Filters, FILTERS)), {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `clusters:${JSON.stringify(input.Filters ?? [])}:${wanted ?? ''}`,
    invalidToken: invalidMarker,
  });
  return { DBClusters: page.items, Marker: page.nextToken };
}
