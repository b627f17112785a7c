import type {
  DescribePendingMaintenanceActionsMessage,
  PendingMaintenanceActionsMessage,
} from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsModelledError } from './rds-errors.ts';

interface Entry {
  arn: string;
  /** The instance or cluster identifier the ARN names. */
  id: string;
  kind: 'db' | 'cluster';
}

/**
 * DescribePendingMaintenanceActions: the seeded actions per resource ARN. ResourceIdentifier must
 * be the ARN of a known instance or cluster (else ResourceNotFoundFault); one with nothing pending
 * answers an empty list. Filters db-instance-id and db-cluster-id take identifiers or ARNs.
 */
export function describePendingMaintenanceActions(
  raw: Record<string, unknown>,
  context: HandlerContext,
): PendingMaintenanceActionsMessage {
  const input = validatedInput<DescribePendingMaintenanceActionsMessage>(raw);
  const { rds } = context.state;
  const known: Entry[] = [
    ...[...rds.instances.values()].map((instance) => ({
      arn: instance.DBInstanceArn ?? '',
      id: instance.DBInstanceIdentifier ?? '',
      kind: 'db' as const,
    })),
    ...[...rds.clusters.values()].map((cluster) => ({
      arn: cluster.DBClusterArn ?? '',
      id: cluster.DBClusterIdentifier ?? '',
      kind: 'cluster' as const,
    })),
  ];
  let entries = known.filter((entry) => (rds.pendingMaintenance.get(entry.arn) ?? []).length > 0);
  if (input.ResourceIdentifier !== undefined) {
    if (!known.some((entry) => entry.arn === input.ResourceIdentifier))
      throw rdsModelledError(
        'ResourceNotFoundFault',
        `The specified resource ID ${input.ResourceIdentifier} was not found.`,
      );
    entries = entries.filter((entry) => entry.arn === input.ResourceIdentifier);
  }
  const matches = rdsFilterMatcher<Entry>(input.Filters, {
    'db-instance-id': (entry) => (entry.kind === 'db' ? [entry.id, entry.arn] : []),
    'db-cluster-id': (entry) => (entry.kind === 'cluster' ? [entry.id, entry.arn] : []),
  });
  const page = paginate(entries.filter(matches), {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `maintenance:${JSON.stringify([input.Filters, input.ResourceIdentifier])}`,
    invalidToken: invalidMarker,
  });
  return {
    PendingMaintenanceActions: page.items.map((entry) => ({
      ResourceIdentifier: entry.arn,
      PendingMaintenanceActionDetails: rds.pendingMaintenance.get(entry.arn) ?? [],
    })),
    Marker: page.nextToken,
  };
}
