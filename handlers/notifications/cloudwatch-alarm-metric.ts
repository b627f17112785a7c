import { formatMetricValue, type MetricUnit, metricUnit } from '../../src/signals/index.ts';
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

/**
 * The same comparisons in words, for the Threshold fact: a card field that starts with `>` would
 * be drawn by Slack as a block quote.
 */
const OPERATOR_WORDS: Record<string, string> = {
  GreaterThanThreshold: 'above',
  GreaterThanOrEqualToThreshold: 'at or above',
  LessThanThreshold: 'below',
  LessThanOrEqualToThreshold: 'at or below',
  GreaterThanUpperThreshold: 'above the band',
  LessThanLowerThreshold: 'below the band',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside the band',
};

export function operatorSymbol(operator: string | undefined): string {
  if (!operator) return '?';
  return OPERATOR_SYMBOLS[operator] ?? operator;
}

/**
 * `> 400`, `< 1 TiB`, or `outside band (ad1)` for anomaly detection; undefined when the trigger
 * has neither. With a known unit the threshold is in human units, as people set it.
 */
export function describeThreshold(trigger: AlarmTrigger, unit?: MetricUnit): string | undefined {
  const symbol = operatorSymbol(trigger.ComparisonOperator);
  if (typeof trigger.Threshold === 'number') return `${symbol} ${formatMetricValue(trigger.Threshold, unit)}`;
  if (trigger.ThresholdMetricId) return `${symbol} (${trigger.ThresholdMetricId})`;
  return undefined;
}

/** `above 400`, `below 1 TiB`, `outside the band (ad1)`: the threshold as the Threshold fact says it. */
export function describeThresholdInWords(trigger: AlarmTrigger, unit?: MetricUnit): string | undefined {
  const operator = trigger.ComparisonOperator;
  const words = operator ? (OPERATOR_WORDS[operator] ?? operator) : 'compared with';
  if (typeof trigger.Threshold === 'number') return `${words} ${formatMetricValue(trigger.Threshold, unit)}`;
  if (trigger.ThresholdMetricId) return `${words} (${trigger.ThresholdMetricId})`;
  return undefined;
}

/**
 * The unit of what the alarm compares: its metric's (declared, else as AWS documents it), or the
 * metric a math alarm returns. An expression's result has no unit warroom can know.
 */
export function triggerUnit(trigger: AlarmTrigger): MetricUnit | undefined {
  if (trigger.Metrics && trigger.Metrics.length > 0) {
    const evaluated = trigger.Metrics.find((m) => m.ReturnData === true) ?? trigger.Metrics[0];
    const stat = evaluated?.MetricStat;
    if (!stat || evaluated?.Expression) return undefined;
    return metricUnit(stat.Metric.Namespace, stat.Metric.MetricName, stat.Unit);
  }
  return metricUnit(trigger.Namespace, trigger.MetricName, trigger.Unit);
}

/** A number as CloudWatch writes it in NewStateReason: `431.0`, `1.099511627776E12`. */
const REASON_NUMBER = String.raw`-?\d+(?:\.\d+)?(?:E[+-]?\d+)?`;
const DATAPOINT = new RegExp(String.raw`([\[,] ?)(${REASON_NUMBER})( \()`, 'g');
const THRESHOLD = new RegExp(String.raw`(the threshold \()(${REASON_NUMBER})(\))`, 'g');

/**
 * CloudWatch's "Threshold Crossed: … datapoints [1.002159035596E12 (07/12/26 13:44:00)] was less
 * than the threshold (1.099511627776E12) …" with the datapoints and the threshold in human units;
 * the rest (counts, dates) as CloudWatch wrote it. Without a unit the reason is left alone.
 */
export function humaniseReason(reason: string, unit: MetricUnit | undefined): string {
  if (!unit) return reason;
  const human = (raw: string) => formatMetricValue(Number(raw), unit);
  return reason
    .replace(DATAPOINT, (_, before: string, raw: string, after: string) => `${before}${human(raw)}${after}`)
    .replace(THRESHOLD, (_, before: string, raw: string, after: string) => `${before}${human(raw)}${after}`);
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
