import type { Alert } from './alert.ts';

/** Kinds that are not a resource of their own to group by: the alarm itself, or nothing known. */
const NOT_GROUPED_BY_RESOURCE = new Set(['cloudwatch-alarm', 'other']);

/**
 * One incident per problem: signals about the same resource (an RDS database or snapshot, or the
 * EC2 instance, queue, table… an alarm's dimensions name, in the same account and region) share a
 * key, whatever service or alarm sent them; otherwise the alarm, the Incident Manager record, or
 * the Chatbot thread correlates them.
 */
export function groupKeyFor(alert: Alert): string {
  const resource = alert.resource;
  if (resource && !NOT_GROUPED_BY_RESOURCE.has(resource.kind)) {
    return `${resource.kind}:${resource.accountId ?? '-'}:${resource.region ?? '-'}:${resource.id}`;
  }
  if (alert.incidentManagerArn) return `incident-manager:${alert.incidentManagerArn}`;
  if (alert.correlation) return `${alert.correlation.kind}:${alert.correlation.value}`;
  if (resource) return `${resource.kind}:${resource.arn ?? resource.id}`;
  return `${alert.source}:${alert.title}`;
}

/** Fills in account and region from the SNS topic when the message itself did not say. */
export function withTopicLocation(alert: Alert, topicArn: string): Alert {
  const [, , , region, accountId] = topicArn.split(':');
  if (!alert.resource || !region || !accountId) return alert;
  return {
    ...alert,
    resource: {
      ...alert.resource,
      region: alert.resource.region ?? region,
      accountId: alert.resource.accountId ?? accountId,
    },
  };
}
