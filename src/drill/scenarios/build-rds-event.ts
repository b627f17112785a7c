import { type BuildContext, type BuiltNotification, rdsEventTime } from './build-context.ts';
import type { RdsEventSpec } from './notification-schema.ts';

/** Per source type: `Event Source`, the ARN resource type, and the console fragment. */
const SOURCES: Record<RdsEventSpec['sourceType'], { eventSource: string; arnType: string; console: string }> =
  {
    instance: { eventSource: 'db-instance', arnType: 'db', console: 'dbinstance' },
    cluster: { eventSource: 'db-cluster', arnType: 'cluster', console: 'dbcluster' },
    snapshot: { eventSource: 'db-snapshot', arnType: 'snapshot', console: 'db-snapshot' },
    'cluster-snapshot': {
      eventSource: 'db-cluster-snapshot',
      arnType: 'cluster-snapshot',
      console: 'db-cluster-snapshot',
    },
  };

/**
 * An RDS event notification as an RDS event subscription publishes it to SNS (Subject "RDS
 * Notification Message"): keys with spaces, Event Time in UTC without a zone, Event ID a docs URL
 * ending in `#RDS-EVENT-nnnn` (shared/fixtures/payloads/rds-event.message.json).
 */
export function buildRdsEvent(spec: RdsEventSpec, context: BuildContext): BuiltNotification {
  const { accountId, region, at } = context;
  const source = SOURCES[spec.sourceType];
  const event = {
    'Event Source': source.eventSource,
    'Event Time': rdsEventTime(at),
    'Identifier Link': `https://console.aws.amazon.com/rds/home?region=${region}#${source.console}:id=${spec.sourceId}`,
    'Source ID': spec.sourceId,
    'Source ARN': `arn:aws:rds:${region}:${accountId}:${source.arnType}:${spec.sourceId}`,
    'Event ID': `http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#${spec.eventId}`,
    'Event Message': spec.message,
  };
  return { subject: 'RDS Notification Message', message: JSON.stringify(event) };
}
