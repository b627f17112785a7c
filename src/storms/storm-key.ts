import type { Alert } from '../signals/index.ts';

/** Between the key and the route's name; no account id, Region, metric or event category has it. */
const ROUTE_SEPARATOR = '|route=';

/**
 * What makes signals "the same kind" for a storm, or undefined when a signal cannot be part of one:
 * same account and Region, and the same alarm metric (namespace and name, not dimensions), the same
 * RDS event category, or the same CloudTrail action. A signal with no resource, account or Region
 * never storms: warroom cannot tell that it is about a different resource.
 */
export function stormKeyFor(alert: Alert, routeName?: string): string | undefined {
  const { resource } = alert;
  if (!resource?.accountId || !resource.region) return undefined;
  const kind = signalKindOf(alert);
  if (!kind) return undefined;
  // A storm forms within one route (one team's channel), never across routes.
  const key = `${resource.accountId}:${resource.region}:${kind}`;
  return routeName ? `${key}${ROUTE_SEPARATOR}${routeName}` : key;
}

function signalKindOf(alert: Alert): string | undefined {
  switch (alert.source) {
    case 'cloudwatch-alarm': {
      const metric = alert.metric;
      if (metric?.kind === 'single') return `metric:${metric.namespace}/${metric.name}`;
      return undefined;
    }
    case 'rds-event':
    case 'eventbridge-rds':
      // `rds-event:failover`: the category is the second part of the signal type.
      return `rds-event:${alert.signalType.split(':')[1] ?? 'unknown'}`;
    case 'cloudtrail':
      return `cloudtrail:${alert.signalType.split(':')[1] ?? 'unknown'}`;
    default:
      return undefined;
  }
}

/** The storm key's kind in words, for the storm's title: `CPUUtilization alarms`, `RDS failover events`. */
export function describeStormKey(key: string): string {
  const kind = (key.split(ROUTE_SEPARATOR)[0] ?? key).split(':').slice(2).join(':');
  if (kind.startsWith('metric:')) return `${kind.slice('metric:'.length).split('/').pop()} alarms`;
  if (kind.startsWith('rds-event:')) return `RDS ${kind.slice('rds-event:'.length)} events`;
  if (kind.startsWith('cloudtrail:')) return `CloudTrail ${kind.slice('cloudtrail:'.length)} calls`;
  return kind;
}
