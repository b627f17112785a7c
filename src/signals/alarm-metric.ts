/** A metric dimension as CloudWatch names it, e.g. `DBInstanceIdentifier = orders-db`. */
export interface MetricDimension {
  name: string;
  value: string;
}

/** A metric CloudWatch stores: namespace, name and the dimensions that pick one series. */
export interface MetricIdentity {
  namespace: string;
  name: string;
  dimensions: MetricDimension[];
}

/** One entry of a metric-math alarm: either a metric read with a statistic, or an expression. */
export interface AlarmMetricQuery {
  id: string;
  label?: string;
  /** Whether the alarm evaluates this entry (the one compared with the threshold). */
  returnData?: boolean;
  expression?: string;
  metric?: MetricIdentity & { stat?: string; period?: number };
}

/**
 * What a CloudWatch alarm watches and how it compares, carried from the alarm message to the
 * incident so the metric can be pictured later. `single`: one metric with a statistic (Statistic or
 * ExtendedStatistic such as `p99`); `math`: the alarm's Metrics[] as given. `threshold` is absent
 * for anomaly-detection alarms, which compare with a band (`thresholdMetricId`).
 */
export type AlarmMetric =
  | (MetricIdentity & {
      kind: 'single';
      stat: string;
      /** Seconds. */
      period: number;
      threshold?: number;
      comparison?: string;
      /** The unit the alarm declares (`Trigger.Unit`), when it declares one. */
      unit?: string;
    })
  | {
      kind: 'math';
      queries: AlarmMetricQuery[];
      period?: number;
      threshold?: number;
      thresholdMetricId?: string;
      comparison?: string;
      unit?: string;
    };
