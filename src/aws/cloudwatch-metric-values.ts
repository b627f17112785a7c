/** One CloudWatch metric to read, with the statistic taken over each period. */
export interface MetricRequest {
  namespace: string;
  name: string;
  dimensions: Readonly<Record<string, string>>;
  /** A CloudWatch statistic: `Minimum` for free space, so a dip inside a minute is not averaged away. */
  stat: string;
  periodSeconds: number;
  /** The unit the metric is published in; data in any other unit is not returned (no conversion). */
  unit?: string;
}

/**
 * The newest datapoint of one metric, or why there is none: CloudWatch had no datapoints in the
 * range, or answered this metric with StatusCode Forbidden or InternalError.
 */
export type LatestMetricValue =
  | { kind: 'value'; value: number; at: Date }
  | { kind: 'no-datapoints' }
  | { kind: 'not-read'; statusCode: 'Forbidden' | 'InternalError' };

/** Reads metric values (CloudWatch GetMetricData; IAM `cloudwatch:GetMetricData`). */
export interface MetricValues {
  /**
   * The newest datapoint of each metric with `start <= timestamp < end`, in the order asked, all
   * in one call. A failed call rejects with a BotError (`AWS.ACCESS_DENIED`, `AWS.THROTTLED`, …).
   */
  latestValues(
    metrics: readonly MetricRequest[],
    range: { start: Date; end: Date },
  ): Promise<LatestMetricValue[]>;
}
