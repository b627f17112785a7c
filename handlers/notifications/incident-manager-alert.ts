import { z } from 'zod';
import type { IncidentRecord } from '../../src/aws/incident-record.ts';
import type { BotError } from '../../src/errors.ts';
import { IMPACT_NAMES, type Impact, isImpact } from '../../src/incidents/index.ts';
import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, AlertFact } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn } from './alert-text.ts';
import { parseAwsTime } from './aws-time.ts';
import { CLOUDTRAIL_DETAIL_TYPE } from './eventbridge-event.ts';
import { parseJsonObject } from './message-schema.ts';
import { rdsResourceFromArn } from './rds-resource.ts';

/** What a CloudTrail ssm-incidents event says about the call; used only when the record is unreadable. */
export interface CloudTrailHint {
  eventName: string;
  eventTime?: Date;
  title?: string;
  impact?: Impact;
  status?: string;
}

const hintSchema = z.object({
  'detail-type': z.literal(CLOUDTRAIL_DETAIL_TYPE),
  detail: z.object({
    eventSource: z.literal('ssm-incidents.amazonaws.com'),
    eventName: z.string(),
    eventTime: z.string().nullish(),
    requestParameters: z
      .object({ title: z.unknown(), impact: z.unknown(), status: z.unknown() })
      .partial()
      .nullish(),
  }),
});

export function readCloudTrailHint(message: string): CloudTrailHint | undefined {
  const parsed = hintSchema.safeParse(parseJsonObject(message));
  if (!parsed.success) return undefined;
  const { eventName, eventTime, requestParameters: request } = parsed.data.detail;
  const time = parseAwsTime(eventTime);
  return {
    eventName,
    ...(time ? { eventTime: time } : {}),
    ...(typeof request?.title === 'string' ? { title: request.title } : {}),
    ...(isImpact(request?.impact) ? { impact: request.impact } : {}),
    ...(typeof request?.status === 'string' ? { status: request.status } : {}),
  };
}

/** The Alert for a record that was read: the record, not the notification, is the truth. */
export function alertFromRecord(
  record: IncidentRecord,
  notification: SnsNotification,
  hint?: CloudTrailHint,
): Alert {
  const resolved = record.status === 'RESOLVED';
  const resource = rdsResourceFromArn(record.resourceArn);
  const facts: AlertFact[] = [
    { label: 'Status', value: record.status },
    { label: 'Impact', value: `${record.impact} (${IMPACT_NAMES[record.impact]})` },
    { label: 'Created', value: record.creationTime.toISOString() },
    ...(record.resolvedTime ? [{ label: 'Resolved', value: record.resolvedTime.toISOString() }] : []),
    { label: 'Source', value: record.source },
    { label: 'Created by', value: record.createdBy },
    ...(record.resourceArn ? [{ label: 'Resource', value: record.resourceArn }] : []),
    ...(hint ? [{ label: 'Via', value: `CloudTrail ${hint.eventName}` }] : []),
  ];
  return clampAlert({
    source: 'incident-manager',
    signalType: resolved ? 'incident-manager:resolved' : 'incident-manager:open',
    title: record.title.trim() || 'Incident Manager incident',
    detail: escapeMrkdwn(record.summary ?? ''),
    occurredAt: (resolved ? record.resolvedTime : undefined) ?? hint?.eventTime ?? notification.timestamp,
    ...(resource ? { resource } : {}),
    correlation: { kind: 'incident-manager', value: record.arn },
    suggestedImpact: record.impact,
    incidentManagerArn: record.arn,
    facts,
  });
}

/** What each read failure means for the operator, keyed by the reader's BotError code. */
const FAILURE_REASONS: Record<string, string> = {
  'AWS.NOT_FOUND': 'the record does not exist, or belongs to another account or Region',
  'AWS.ACCESS_DENIED': "warroom's role may not call ssm-incidents:GetIncidentRecord",
  'AWS.THROTTLED': 'Incident Manager throttled the read; the next sync will pick the record up',
  'AWS.FAILED': 'the call to Incident Manager failed',
};

/** The Alert for a record that could not be read: the ARN and the reason, so nothing is dropped. */
export function unreadableRecordAlert(
  arn: string,
  failure: BotError,
  notification: SnsNotification,
  hint?: CloudTrailHint,
): Alert {
  const reason = FAILURE_REASONS[failure.code] ?? failure.userMessage;
  const plan = /incident-record\/([^/]+)\//.exec(arn)?.[1] ?? 'unknown plan';
  return clampAlert({
    source: 'incident-manager',
    signalType: 'incident-manager:unreadable',
    title: `${hint?.title ?? `Incident Manager incident (${plan})`}: record unreadable`,
    detail: escapeMrkdwn(`Could not read ${arn}: ${reason} (${failure.code}).`),
    occurredAt: hint?.eventTime ?? notification.timestamp,
    correlation: { kind: 'incident-manager', value: arn },
    ...(hint?.impact ? { suggestedImpact: hint.impact } : {}),
    incidentManagerArn: arn,
    facts: [
      { label: 'Incident record', value: arn },
      { label: 'Read failed', value: failure.code },
      ...(hint ? [{ label: 'Via', value: `CloudTrail ${hint.eventName}` }] : []),
      ...(hint?.status ? [{ label: 'Requested status', value: hint.status }] : []),
    ],
  });
}
