import { z } from 'zod';

/**
 * A metric dimension. Captures show both `{"value","name"}` and `{"name","value"}` key orders
 * (irrelevant once parsed) and, in hand-built tests, `Name`/`Value`: accept either casing.
 */
const dimension = z
  .object({
    name: z.string().optional(),
    value: z.string().optional(),
    Name: z.string().optional(),
    Value: z.string().optional(),
  })
  .transform((d) => ({ name: d.name ?? d.Name ?? '', value: d.value ?? d.Value ?? '' }));

export type Dimension = z.output<typeof dimension>;

/** One entry of a metric-math alarm's `Trigger.Metrics[]`: an expression or a metric. */
const mathMetric = z.object({
  Id: z.string(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  MetricStat: z
    .object({
      Metric: z.object({
        Dimensions: z.array(dimension).default([]),
        MetricName: z.string(),
        Namespace: z.string().optional(),
      }),
      Period: z.number().optional(),
      Stat: z.string().optional(),
      Unit: z.string().nullish(),
    })
    .optional(),
});

export type MathMetric = z.output<typeof mathMetric>;

/**
 * `Trigger` for a single-metric or a metric-math alarm. Everything is optional because older
 * messages lack keys, metric-math alarms drop MetricName/Namespace/Dimensions, and anomaly
 * detection alarms use ThresholdMetricId instead of Threshold.
 */
const trigger = z.object({
  MetricName: z.string().optional(),
  Namespace: z.string().optional(),
  Statistic: z.string().nullish(),
  ExtendedStatistic: z.string().nullish(),
  Unit: z.string().nullish(),
  Dimensions: z.array(dimension).nullish(),
  Period: z.number().optional(),
  EvaluationPeriods: z.number().optional(),
  DatapointsToAlarm: z.number().optional(),
  ComparisonOperator: z.string().optional(),
  Threshold: z.number().nullish(),
  ThresholdMetricId: z.string().optional(),
  Metrics: z.array(mathMetric).optional(),
});

export type AlarmTrigger = z.output<typeof trigger>;

/**
 * The CloudWatch alarm state-change Message. Display fields AWS has changed over time (Region's
 * display name) are not read; `AlarmDescription` may be null; composite alarms have no Trigger.
 */
export const cloudWatchAlarmSchema = z.object({
  AlarmName: z.string().min(1),
  AlarmDescription: z.string().nullish(),
  AWSAccountId: z.string().nullish(),
  NewStateValue: z.enum(['ALARM', 'OK', 'INSUFFICIENT_DATA']),
  OldStateValue: z.string().nullish(),
  NewStateReason: z.string().nullish(),
  StateChangeTime: z.string().nullish(),
  AlarmArn: z.string().nullish(),
  Trigger: trigger.nullish(),
});

export type CloudWatchAlarmMessage = z.output<typeof cloudWatchAlarmSchema>;
