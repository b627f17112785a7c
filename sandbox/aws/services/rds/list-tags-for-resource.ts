import type { ListTagsForResourceMessage, Tag, TagListMessage } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { invalidParameterValue, rdsNotFound } from './rds-errors.ts';

const RDS_ARN = /^arn:aws[a-z-]*:rds:([a-z0-9-]*):(\d{12}):([a-z-]+):(.+)$/;

/** The tags of the resource whose stored ARN is `arn` (RDS ARNs name identifiers in lower case). */
function tagsOf(resource: { arn?: string; tags?: Tag[] } | undefined, arn: string): Tag[] | undefined {
  if (resource?.arn === undefined || resource.arn.toLowerCase() !== arn.toLowerCase()) return undefined;
  return resource.tags ?? [];
}

/**
 * ListTagsForResource for DB instances (`:db:`), clusters (`:cluster:`) and snapshots, by ARN only,
 * as RDS takes it. Not an RDS ARN: `Invalid resource name`; an ARN of another Region (than the
 * request's) or account, or of a kind of resource not held here: "does not match an RDS resource
 * in this region" (both InvalidParameterValue, RDS's words); a DB not held under that very ARN:
 * DBInstanceNotFound / DBClusterNotFoundFault / DBSnapshotNotFound. Filters are accepted and
 * ignored, as RDS documents.
 */
export function listTagsForResource(raw: Record<string, unknown>, context: HandlerContext): TagListMessage {
  const { ResourceName: arn = '' } = validatedInput<ListTagsForResourceMessage>(raw);
  const match = RDS_ARN.exec(arn);
  if (!match) throw invalidParameterValue(`Invalid resource name: ${arn}`);
  const [, region, account, type, id = ''] = match;
  const elsewhere = region !== context.region || account !== context.accountId;
  if (elsewhere || !['db', 'cluster', 'snapshot'].includes(type ?? ''))
    throw invalidParameterValue('The specified resource name does not match an RDS resource in this region.');
  const { rds } = context.state;
  const key = id.toLowerCase();
  if (type === 'db') {
    const instance = rds.instances.get(key);
    const tags = tagsOf(instance && { arn: instance.DBInstanceArn, tags: instance.TagList }, arn);
    if (!tags) throw rdsNotFound('DBInstanceNotFound', `DBInstance ${id} not found.`);
    return { TagList: tags };
  }
  if (type === 'cluster') {
    const cluster = rds.clusters.get(key);
    const tags = tagsOf(cluster && { arn: cluster.DBClusterArn, tags: cluster.TagList }, arn);
    if (!tags) throw rdsNotFound('DBClusterNotFoundFault', `DBCluster ${id} not found.`);
    return { TagList: tags };
  }
  const snapshot = rds.snapshots.get(key)?.snapshot;
  const tags = tagsOf(snapshot && { arn: snapshot.DBSnapshotArn, tags: snapshot.TagList }, arn);
  if (!tags) throw rdsNotFound('DBSnapshotNotFound', `DBSnapshot ${id} not found.`);
  return { TagList: tags };
}
