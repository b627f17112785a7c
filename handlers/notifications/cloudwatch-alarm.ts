import type { SnsNotification } from '../../src/intake/index.ts';
import type { Alert, Resource } from '../../src/signals/index.ts';
import { clampAlert, escapeMrkdwn, truncate } from './alert-text.ts';
import { isAccountId, parseArn, topicLocation } from './aws-arn.ts';
import { parseAwsTime } from './aws-time.ts';
import {
  describeThreshold,
  describeThresholdInWords,
  humaniseReason,
  summariseMetric,
  triggerUnit,
} from './cloudwatch-alarm-metric.ts';
import { alarmMetricFromTrigger } from './cloudwatch-alarm-picture-metric.ts';
import { alarmDimensionResource } from './cloudwatch-alarm-resource.ts';
import { type CloudWatchAlarmMessage, cloudWatchAlarmSchema } from './cloudwatch-alarm-schema.ts';
import { parseClaimed, parseJsonObject } from './message-schema.ts';
import type { NotificationParser } from './notification-parser.ts';
import { rdsResource } from './rds-resource.ts';

/** CloudWatch alarm state changes (single metric, metric math, composite) delivered by SNS. */
export const cloudWatchAlarmParser: NotificationParser = {
  source: 'cloudwatch-alarm',
  async parse(notification) {
    return parseCloudWatchAlarm(notification);
  },
};

export function parseCloudWatchAlarm(notification: SnsNotification): Alert | undefined {
  const body = parseJsonObject(notification.message);
  // An alarm names itself and its new state; anything else is some other source's JSON.
  if (!body || !('AlarmName' in body) || !('NewStateValue' in body || 'Trigger' in body)) return undefined;
  const alarm = parseClaimed(cloudWatchAlarmSchema, body, 'a CloudWatch alarm');

  const resource = alarmResource(alarm, notification.topicArn);
  const trigger = alarm.Trigger ?? {};
  const metric = summariseMetric(trigger);
  const unit = triggerUnit(trigger);
  const threshold = describeThreshold(trigger, unit);
  const reason = humaniseReason((alarm.NewStateReason ?? '').trim(), unit);
  const watched = alarmMetricFromTrigger(alarm.Trigger);
  const facts = [
    { label: 'Alarm', value: alarm.AlarmName },
    ...(metric ? [{ label: 'Metric', value: metric.description }] : []),
    ...(threshold
      ? [{ label: 'Threshold', value: describeThresholdInWords(trigger, unit) ?? threshold }]
      : []),
    ...(reason ? [{ label: 'Reason', value: truncate(reason, 500) }] : []),
    { label: 'State change', value: `${alarm.OldStateValue ?? '?'} → ${alarm.NewStateValue}` },
  ];
  return clampAlert({
    source: 'cloudwatch-alarm',
    signalType: `cloudwatch-alarm:${alarm.NewStateValue}`,
    title: alarmTitle(alarm, resource, metric?.name, threshold),
    detail: escapeMrkdwn(alarm.AlarmDescription?.trim() || reason),
    occurredAt: parseAwsTime(alarm.StateChangeTime) ?? notification.timestamp,
    resource,
    correlation: { kind: 'alarm', value: alarm.AlarmArn || alarm.AlarmName },
    facts,
    ...(watched ? { metric: watched } : {}),
  });
}

/**
 * The resource every metric of the alarm names (a DB instance or cluster, an EC2 instance, a
 * queue, a table…), else the alarm itself. Region and account come from AlarmArn; the `Region`
 * display name has changed over the years.
 */
function alarmResource(alarm: CloudWatchAlarmMessage, topicArn: string): Resource {
  const arn = parseArn(alarm.AlarmArn);
  const region = arn?.region ?? topicLocation(topicArn).region;
  const accountId = arn?.accountId ?? (isAccountId(alarm.AWSAccountId) ? alarm.AWSAccountId : undefined);
  const location = { ...(region ? { region } : {}), ...(accountId ? { accountId } : {}) };
  const named = alarmDimensionResource(alarm.Trigger ?? {});
  if (named?.kind === 'rds-instance' || named?.kind === 'rds-cluster') {
    return rdsResource(named.kind, named.id, { ...location, partition: arn?.partition });
  }
  if (named) return { kind: named.kind, id: named.id, ...location };
  return {
    kind: 'cloudwatch-alarm',
    id: alarm.AlarmName,
    ...(alarm.AlarmArn ? { arn: alarm.AlarmArn } : {}),
    ...location,
  };
}

function alarmTitle(
  alarm: CloudWatchAlarmMessage,
  resource: Resource,
  metric: string | undefined,
  threshold: string | undefined,
): string {
  const target = resource.kind === 'cloudwatch-alarm' ? alarm.AlarmName : resource.id;
  const subject = metric ? `${metric} on ${target}` : alarm.AlarmName;
  switch (alarm.NewStateValue) {
    case 'ALARM':
      return metric && threshold ? `${metric} ${threshold} on ${target}` : `${subject} in ALARM`;
    case 'OK':
      return `${subject} back to OK`;
    case 'INSUFFICIENT_DATA':
      return `${subject}: insufficient data`;
  }
}
