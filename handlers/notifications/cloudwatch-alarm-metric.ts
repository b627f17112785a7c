import type { AlarmTrigger, MathMetric } from './cloudwatch-alarm-schema.ts';

/** Comparison operators as people write them; anomaly-detection operators compare with a band. */
const OPERATOR_SYMBOLS: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
  GreaterThanUpperThreshold: '> band',
  LessThanLowerThreshold: '< band',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside band',
};

export function operatorSymbol(operator: string | undefined): string {
  if (!operator) return '?';
  return OPERATOR_SYMBOLS[operator] ?? operator;
}

/** `> 400`, or `outside band (ad1)` for anomaly detection; undefined when the trigger has neither. */
export function describeThreshold(trigger: AlarmTrigger): string | undefined {
  const symbol = operatorSymbol(trigger.ComparisonOperator);
  if (typeof trigger.Threshold === 'number') return `${symbol} ${trigger.Threshold}`;
  if (trigger.ThresholdMetricId) return `${symbol} (${trigger.ThresholdMetricId})`;
  return undefined;
}

export interface MetricSummary {
  /** Short name for the title: the metric name, or the math expression's label. */
  name: string;
  /** Full description for the Metric fact. */
  description: string;
}

/** Names what the alarm watches, for single-metric and metric-math triggers alike. */
export function summariseMetric(trigger: AlarmTrigger): MetricSummary | undefined {
  if (trigger.Metrics && trigger.Metrics.length > 0) return summariseMath(trigger.Metrics);
  if (!trigger.MetricName) return undefined;
  const statistic = trigger.Statistic ?? trigger.ExtendedStatistic;
  const window =
    trigger.Period !== undefined ? `${trigger.Period} s × ${trigger.EvaluationPeriods ?? 1}` : undefined;
  const details = [statistic, window, trigger.Unit].filter(Boolean).join(', ');
  const name = [trigger.Namespace, trigger.MetricName].filter(Boolean).join(' ');
  return { name: trigger.MetricName, description: details ? `${name} (${details})` : name };
}

function summariseMath(metrics: MathMetric[]): MetricSummary {
  // The alarm evaluates the one entry with ReturnData true; older payloads may omit the flag.
  const evaluated = metrics.find((m) => m.ReturnData === true) ?? metrics[0]!;
  const name = evaluated.Label ?? evaluated.MetricStat?.Metric.MetricName ?? evaluated.Id;
  const parts = metrics.map((m) => {
    if (m.Expression) return `${m.Id} = ${m.Expression}`;
    const stat = m.MetricStat;
    const metric = [stat?.Metric.Namespace, stat?.Metric.MetricName].filter(Boolean).join(' ');
    return stat?.Stat ? `${m.Id}: ${metric} (${stat.Stat})` : `${m.Id}: ${metric}`;
  });
  return { name, description: `${name}: ${parts.join('; ')}` };
}
