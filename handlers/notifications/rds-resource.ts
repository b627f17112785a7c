import type { Resource, ResourceKind } from '../../src/signals/index.ts';
import { parseArn } from './aws-arn.ts';

/** RDS ARN resource-type segment → resource kind (`arn:aws:rds:<region>:<acct>:<type>:<id>`). */
const ARN_TYPES: Record<string, ResourceKind> = {
  db: 'rds-instance',
  cluster: 'rds-cluster',
  snapshot: 'rds-snapshot',
  'cluster-snapshot': 'rds-cluster-snapshot',
};

const ARN_TYPE_OF: Partial<Record<ResourceKind, string>> = {
  'rds-instance': 'db',
  'rds-cluster': 'cluster',
  'rds-snapshot': 'snapshot',
  'rds-cluster-snapshot': 'cluster-snapshot',
};

/**
 * Source types as RDS spells them: lower-kebab in SNS event notifications (`db-instance`),
 * UPPER_SNAKE in EventBridge (`DB_INSTANCE`, `CLUSTER_SNAPSHOT`). Both normalise to one key here.
 */
const SOURCE_TYPES: Record<string, ResourceKind> = {
  'db-instance': 'rds-instance',
  'db-cluster': 'rds-cluster',
  cluster: 'rds-cluster',
  'db-snapshot': 'rds-snapshot',
  snapshot: 'rds-snapshot',
  'db-cluster-snapshot': 'rds-cluster-snapshot',
  'cluster-snapshot': 'rds-cluster-snapshot',
};

export function rdsKindFromSourceType(sourceType: string | null | undefined): ResourceKind {
  const key = (sourceType ?? '').trim().toLowerCase().replace(/_/g, '-');
  return SOURCE_TYPES[key] ?? 'other';
}

/** The Resource an RDS ARN names, or undefined when it is not a DB, cluster or snapshot ARN. */
export function rdsResourceFromArn(arn: string | undefined | null): Resource | undefined {
  const parsed = parseArn(arn);
  if (!arn || !parsed || parsed.service !== 'rds') return undefined;
  const separator = parsed.resource.indexOf(':');
  if (separator < 0) return undefined;
  const kind = ARN_TYPES[parsed.resource.slice(0, separator)];
  const id = parsed.resource.slice(separator + 1);
  if (!kind || id === '') return undefined;
  return {
    kind,
    id,
    arn,
    ...(parsed.region ? { region: parsed.region } : {}),
    ...(parsed.accountId ? { accountId: parsed.accountId } : {}),
  };
}

/** Builds a Resource, with its ARN when the location is known and the kind has an RDS ARN form. */
export function rdsResource(
  kind: ResourceKind,
  id: string,
  location: { region?: string; accountId?: string; partition?: string },
): Resource {
  const type = ARN_TYPE_OF[kind];
  const { region, accountId } = location;
  const arn =
    type && region && accountId
      ? `arn:${location.partition ?? partitionOf(region)}:rds:${region}:${accountId}:${type}:${id}`
      : undefined;
  return {
    kind,
    id,
    ...(arn ? { arn } : {}),
    ...(region ? { region } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

/** China and GovCloud regions live in their own ARN partitions. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
