import { z } from 'zod';

/**
 * The notification a scenario step publishes, as a typed kind with parameters. The builders in
 * build-*.ts turn each kind into the exact Message AWS publishes to SNS; `raw` is that Message
 * written out by hand. Strings may hold `{{id}}`, replaced by each identifier of a step's `repeat`.
 */

const identifier = z.string().min(1, 'expected a non-empty identifier');

const dimensions = z
  .record(z.string(), z.string())
  .refine(
    (value) => Object.keys(value).length > 0,
    'expected at least one dimension, e.g. DBInstanceIdentifier',
  );

export const cloudWatchAlarmParams = z.strictObject({
  kind: z.literal('cloudwatch-alarm'),
  alarmName: identifier,
  description: z.string().nullable().optional(),
  metric: identifier,
  namespace: z.string().default('AWS/RDS'),
  dimensions,
  statistic: z.enum(['AVERAGE', 'SUM', 'MINIMUM', 'MAXIMUM', 'SAMPLE_COUNT']).default('AVERAGE'),
  comparison: z
    .enum([
      'GreaterThanThreshold',
      'GreaterThanOrEqualToThreshold',
      'LessThanThreshold',
      'LessThanOrEqualToThreshold',
    ])
    .default('GreaterThanThreshold'),
  threshold: z.number(),
  period: z.number().int().positive().default(60),
  evaluationPeriods: z.number().int().positive().default(5),
  state: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']).default('ALARM'),
  previousState: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']).optional(),
  /** Either the reason as CloudWatch wrote it, or the datapoints it is written from (newest first). */
  reason: z.string().optional(),
  datapoints: z.array(z.number()).min(1).optional(),
  unit: z.string().nullable().default(null),
  treatMissingData: z.string().default('- TreatMissingData:                    missing'),
});

export const rdsEventParams = z.strictObject({
  kind: z.literal('rds-event'),
  sourceType: z.enum(['instance', 'cluster', 'snapshot', 'cluster-snapshot']),
  sourceId: identifier,
  eventId: z.string().regex(/^RDS-EVENT-\d{4}$/, 'expected an RDS event id such as RDS-EVENT-0049'),
  message: z.string().min(1, 'expected the event message RDS sends'),
});

export const cloudTrailParams = z.strictObject({
  kind: z.literal('cloudtrail'),
  /** The AWS service whose API was called (EventBridge source `aws.<service>`); default rds. */
  service: z.string().default('rds'),
  eventName: identifier,
  requestParameters: z.record(z.string(), z.unknown()).nullable().default(null),
  /** Default: for Modify*SnapshotAttribute the attributes as they are after the call, else null. */
  responseElements: z.record(z.string(), z.unknown()).nullable().optional(),
  userName: z.string().default('ops-admin'),
  sourceIPAddress: z.string().default('203.0.113.77'),
  userAgent: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});

export const chatbotParams = z.strictObject({
  kind: z.literal('chatbot'),
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().min(1, 'expected a description (Chatbot shows it as the body)'),
  nextSteps: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  threadId: z.string().optional(),
  summary: z.string().optional(),
  eventType: z.string().optional(),
  /** ARNs, as Chatbot takes them. */
  relatedResources: z.array(z.string()).optional(),
  additionalContext: z.record(z.string(), z.unknown()).optional(),
});

export const rawParams = z.strictObject({
  kind: z.literal('raw'),
  subject: z.string().optional(),
  /** The SNS Message: a string as it is, an object as its JSON. */
  message: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

export const notificationSchema = z.discriminatedUnion(
  'kind',
  [cloudWatchAlarmParams, rdsEventParams, cloudTrailParams, chatbotParams, rawParams],
  { error: 'expected kind: cloudwatch-alarm, rds-event, cloudtrail, chatbot or raw' },
);

export type NotificationSpec = z.output<typeof notificationSchema>;
export type CloudWatchAlarmSpec = z.output<typeof cloudWatchAlarmParams>;
export type RdsEventSpec = z.output<typeof rdsEventParams>;
export type CloudTrailSpec = z.output<typeof cloudTrailParams>;
export type ChatbotSpec = z.output<typeof chatbotParams>;
export type RawSpec = z.output<typeof rawParams>;
