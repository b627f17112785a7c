import type { DBInstance, DBInstanceMessage, DescribeDBInstancesMessage } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsNotFound } from './rds-errors.ts';

const FILTERS: Record<string, (instance: DBInstance) => Array<string | undefined>> = {
  'db-cluster-id': (instance) => [instance.DBClusterIdentifier],
  'db-instance-id': (instance) => [instance.DBInstanceIdentifier, instance.DBInstanceArn],
  'dbi-resource-id': (instance) => [instance.DbiResourceId],
  domain: (instance) => (instance.DomainMemberships ?? []).map((membership) => membership.Domain),
  engine: (instance) => [instance.Engine],
};

/** DescribeDBInstances: one instance by id or ARN (404 if unknown), or all matching Filters, paged by Marker. */
export function describeDBInstances(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DBInstanceMessage {
  const input = validatedInput<DescribeDBInstancesMessage>(raw);
  let instances = [...context.state.rds.instances.values()];
  const wanted = input.DBInstanceIdentifier?.toLowerCase();
  if (wanted !== undefined) {
    instances = instances.filter(
      (instance) =>
        instance.DBInstanceIdentifier === wanted || instance.DBInstanceArn?.toLowerCase() === wanted,
    );
    if (instances.length === 0)
      throw rdsNotFound('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`);
  }
  const page = paginate(instances.filter(rdsFilterMatcher(input.Filters, FILTERS)), {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `instances:${JSON.stringify(input.Filters ?? [])}:${wanted ?? ''}`,
    invalidToken: invalidMarker,
  });
  return { DBInstances: page.items, Marker: page.nextToken };
}
