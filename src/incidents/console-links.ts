import type { Resource } from '../signals/index.ts';

/** The AWS console page for a resource, or undefined when there is no sensible one. */
export function consoleUrlFor(resource: Resource | undefined): string | undefined {
  if (!resource?.region) return undefined;
  const region = resource.region;
  const base = `https://${region}.console.aws.amazon.com`;
  const id = encodeURIComponent(resource.id);
  switch (resource.kind) {
    case 'rds-instance':
      return `${base}/rds/home?region=${region}#database:id=${id};is-cluster=false`;
    case 'rds-cluster':
      return `${base}/rds/home?region=${region}#database:id=${id};is-cluster=true`;
    case 'rds-snapshot':
      return `${base}/rds/home?region=${region}#db-snapshot:id=${id}`;
    case 'rds-cluster-snapshot':
      return `${base}/rds/home?region=${region}#db-cluster-snapshot:id=${id}`;
    case 'cloudwatch-alarm':
      return `${base}/cloudwatch/home?region=${region}#alarmsV2:alarm/${id}`;
    case 'ec2-instance':
      return `${base}/ec2/home?region=${region}#InstanceDetails:instanceId=${id}`;
    case 'lambda-function':
      return `${base}/lambda/home?region=${region}#/functions/${id}`;
    case 'dynamodb-table':
      return `${base}/dynamodbv2/home?region=${region}#table?name=${id}`;
    default:
      return undefined;
  }
}

/** Incident Manager's console page for an incident record (its ARN carries no region). */
export function incidentManagerUrlFor(arn: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/systems-manager/incidents/home?region=${region}#/incident/${encodeURIComponent(arn)}`;
}

/** The Systems Manager console page of one Automation execution. */
export function automationExecutionUrlFor(executionId: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/systems-manager/automation/execution/${encodeURIComponent(executionId)}?region=${region}`;
}
