import {
  type BuildContext,
  type BuiltNotification,
  cloudWatchTime,
  datapointTime,
  javaDouble,
  regionDisplayName,
} from './build-context.ts';
import type { CloudWatchAlarmSpec } from './notification-schema.ts';

const COMPARISON_WORDS: Record<CloudWatchAlarmSpec['comparison'], string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** SNS caps a Subject at 100 characters; CloudWatch shortens the alarm name inside the quotes. */
const MAX_SUBJECT = 100;

/**
 * A CloudWatch alarm state change as CloudWatch publishes it to SNS: the keys, their order and
 * their formats of shared/fixtures/payloads/cloudwatch-alarm-rds.message.json (dimensions as
 * `{value, name}`, StateChangeTime with `+0000`, Threshold a float, the Region display name).
 */
export function buildCloudWatchAlarm(spec: CloudWatchAlarmSpec, context: BuildContext): BuiltNotification {
  const { accountId, region, topicArn, at } = context;
  const previous = spec.previousState ?? (spec.state === 'OK' ? 'ALARM' : 'OK');
  const regionName = regionDisplayName(region);
  const alarm = {
    AlarmName: spec.alarmName,
    AlarmDescription: spec.description ?? null,
    AWSAccountId: accountId,
    // Configured a while before it fired, as alarms are.
    AlarmConfigurationUpdatedTimestamp: cloudWatchTime(new Date(at.getTime() - 21 * 86_400_000)),
    NewStateValue: spec.state,
    NewStateReason: spec.reason ?? reasonFor(spec, previous, at),
    StateChangeTime: cloudWatchTime(at),
    Region: regionName,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${spec.alarmName}`,
    OldStateValue: previous,
    OKActions: [topicArn],
    AlarmActions: [topicArn],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: spec.metric,
      Namespace: spec.namespace,
      StatisticType: 'Statistic',
      Statistic: spec.statistic,
      Unit: spec.unit,
      Dimensions: Object.entries(spec.dimensions).map(([name, value]) => ({ value, name })),
      Period: spec.period,
      EvaluationPeriods: spec.evaluationPeriods,
      ComparisonOperator: spec.comparison,
      Threshold: spec.threshold,
      TreatMissingData: spec.treatMissingData,
      EvaluateLowSampleCountPercentile: '',
    },
  };
  return { subject: subjectFor(spec.state, spec.alarmName, regionName), message: JSON.stringify(alarm) };
}

function subjectFor(state: string, alarmName: string, regionName: string): string {
  const subject = `${state}: "${alarmName}" in ${regionName}`;
  if (subject.length <= MAX_SUBJECT) return subject;
  const room = MAX_SUBJECT - `${state}: "..." in ${regionName}`.length;
  return `${state}: "${alarmName.slice(0, Math.max(room, 1))}..." in ${regionName}`;
}

/**
 * The reason CloudWatch writes, from the datapoints (newest first, one period apart). Without
 * datapoints the threshold itself is the one datapoint: enough for a card, and said plainly.
 */
function reasonFor(spec: CloudWatchAlarmSpec, previous: string, at: Date): string {
  if (spec.state === 'INSUFFICIENT_DATA') {
    return `Insufficient Data: ${spec.evaluationPeriods} datapoints were unknown.`;
  }
  const points = spec.datapoints ?? [spec.threshold];
  const listed = points
    .map(
      (value, index) =>
        `${javaDouble(value)} (${datapointTime(new Date(at.getTime() - index * spec.period * 1000))})`,
    )
    .join(', ');
  const count = points.length;
  const words = COMPARISON_WORDS[spec.comparison];
  const compared = spec.state === 'OK' ? `not ${words}` : words;
  const verb = count === 1 ? 'was' : 'were';
  const minimum = `(minimum ${count} datapoint${count === 1 ? '' : 's'} for ${previous} -> ${spec.state} transition)`;
  return `Threshold Crossed: ${count} out of the last ${count} datapoints [${listed}] ${verb} ${compared} the threshold (${javaDouble(spec.threshold)}) ${minimum}.`;
}
