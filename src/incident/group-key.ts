import type { Alert } from './alert.ts';

const RDS_KINDS = new Set(['rds-instance', 'rds-cluster', 'rds-snapshot', 'rds-cluster-snapshot']);

/**
 * One incident per problem: signals about the same RDS resource (in the same account and region)
 * share a key, whatever service sent them; otherwise the alarm, the Incident Manager record, or
 * the Chatbot thread correlates them.
 */
export function groupKeyFor(alert: Alert): string {
  const resource = alert.resource;
  if (resource && RDS_KINDS.has(resource.kind)) {
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
