import type { Impact } from '../incidents/index.ts';
import type { AlarmMetric } from './alarm-metric.ts';

/** Which parser recognised a notification. */
export type AlertSource =
  | 'cloudwatch-alarm'
  | 'rds-event'
  | 'eventbridge-rds'
  /** SSM Automation status events from EventBridge: about runbook runs, never incidents. */
  | 'eventbridge-automation'
  | 'cloudtrail'
  | 'chatbot'
  | 'incident-manager'
  | 'unknown'
  /** Declared by a person in Slack, not sent by AWS. */
  | 'declared';

/**
 * What kind of AWS thing a signal is about. RDS kinds come from RDS messages and alarm dimensions;
 * the others from the dimensions of CloudWatch alarms (handlers/notifications/cloudwatch-alarm-resource.ts).
 */
export const RESOURCE_KINDS = [
  'rds-instance',
  'rds-cluster',
  'rds-snapshot',
  'rds-cluster-snapshot',
  'ec2-instance',
  'autoscaling-group',
  'ebs-volume',
  'load-balancer',
  'target-group',
  'lambda-function',
  'sqs-queue',
  'sns-topic',
  'dynamodb-table',
  'ecs-cluster',
  'ecs-service',
  'kinesis-stream',
  'elasticache-cluster',
  'api-gateway',
  's3-bucket',
  'cloudwatch-alarm',
  'other',
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The AWS thing a signal is about. `id` is the identifier people type (DB identifier, alarm name). */
export interface Resource {
  kind: ResourceKind;
  id: string;
  arn?: string;
  region?: string;
  accountId?: string;
}

/** What a signal is correlated by when it names no RDS resource. */
export interface Correlation {
  kind: 'alarm' | 'incident-manager' | 'chatbot-thread' | 'chatbot-keywords' | 'raw';
  value: string;
}

/**
 * What an SSM Automation status-change event says about one execution. Such an alert is not an
 * incident: intake hands it to the runbook follower instead of grouping it.
 */
export interface AutomationStatusEvent {
  /** SSM's AutomationExecutionId. */
  executionId: string;
  /** The status the event reports: the execution's, or the step's when `stepName` is set. */
  status: string;
  /** Set for "EC2 Automation Step Status-change Notification". */
  stepName?: string;
}

/** A labelled fact shown on the card, e.g. { label: 'Threshold', value: '> 80 %' }. */
export interface AlertFact {
  label: string;
  value: string;
}

/**
 * One AWS signal, normalised by a parser. Parsers decide what the message *is*; what it *does*
 * (open an incident, annotate one, record a recovery) and its impact come from the signal policy
 * table keyed by `signalType`.
 */
export interface Alert {
  source: AlertSource;
  /**
   * Key into the signal policy table, `<source>:<kind>`, e.g. `cloudwatch-alarm:ALARM`,
   * `rds-event:failover`, `cloudtrail:ModifyDBSnapshotAttribute:public`, `unknown:raw`.
   */
  signalType: string;
  /**
   * Further signal types the same message carries: an RDS event's other categories
   * (`rds-event:failure` besides `rds-event:maintenance`), `rds-event:unknown`, or the risky change
   * it reports (`rds-change:deleted`). The policy's first rule matching any of them decides.
   */
  otherSignalTypes?: string[];
  /** Short headline (plain text, at most 150 characters). */
  title: string;
  /** One or a few lines of mrkdwn detail (at most 2,000 characters). */
  detail: string;
  /** When AWS says it happened. */
  occurredAt: Date;
  resource?: Resource;
  correlation?: Correlation;
  /** Impact the message itself states (Incident Manager record, Chatbot severity); policy may override. */
  suggestedImpact?: Impact;
  /** Incident Manager incident-record ARN this signal is about, when known. */
  incidentManagerArn?: string;
  facts: AlertFact[];
  /** For messages nobody could parse: the raw message text, shown clearly labelled. */
  raw?: string;
  /** For CloudWatch alarms: the metric the alarm watches, so it can be pictured in the thread. */
  metric?: AlarmMetric;
  /** For SSM Automation status events: which execution moved. Such an alert never opens a card. */
  automation?: AutomationStatusEvent;
}
