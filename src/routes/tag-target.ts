import type { TaggedResource } from '../aws/resource-tags-port.ts';
import type { Resource } from '../signals/index.ts';

/** RDS's ARN resource type for the kinds whose tags routes read. */
const RDS_ARN_TYPES: Partial<Record<Resource['kind'], string>> = {
  'rds-instance': 'db',
  'rds-cluster': 'cluster',
};

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]+):(\d{12}):(.+)$/;

/** China and GovCloud Regions have ARN partitions of their own. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** What to read for a resource: a target, a reason no ARN can be named, or nothing to read. */
export type TagTarget = { target: TaggedResource } | { problem: string } | { untagged: true };

/**
 * Where a resource's tags are read: RDS DB instances and clusters by their ARN, CloudWatch alarms
 * by the alarm ARN. The signal's ARN is used when it names this kind of resource; otherwise one is
 * built from id, Region and account. Without those, the ARN is unknown: a problem, said in words.
 * Other kinds have no tag source warroom reads.
 */
export function findTagTarget(resource: Resource): TagTarget {
  const rdsType = RDS_ARN_TYPES[resource.kind];
  const service = rdsType ? 'rds' : resource.kind === 'cloudwatch-alarm' ? 'cloudwatch' : undefined;
  if (!service) return { untagged: true };
  const resourcePart = rdsType ? `${rdsType}:` : 'alarm:';
  const given = ARN.exec(resource.arn ?? '');
  if (given && given[2] === service && given[5]?.startsWith(resourcePart)) {
    const [, , , region = '', accountId = ''] = given;
    return { target: { service, arn: resource.arn as string, region, accountId } };
  }
  const { region, accountId } = resource;
  if (!region || !accountId) {
    const missing = [region ? undefined : 'Region', accountId ? undefined : 'account'].filter(Boolean);
    return {
      problem: `the signal names no ${missing.join(' or ')} for ${resource.id}, so warroom cannot name its ARN to read its tags`,
    };
  }
  const arn = `arn:${partitionOf(region)}:${service}:${region}:${accountId}:${resourcePart}${resource.id}`;
  return { target: { service, arn, region, accountId } };
}
