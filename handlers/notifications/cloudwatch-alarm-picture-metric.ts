import type { AlarmMetric, AlarmMetricQuery, MetricDimension } from '../../src/signals/index.ts';
import type { AlarmTrigger, Dimension, MathMetric } from './cloudwatch-alarm-schema.ts';

/**
 * SNS alarm messages spell statistics in capitals (`AVERAGE`, `SAMPLE_COUNT`); a metric widget
 * wants CloudWatch's own names (`Average`, `SampleCount`). Extended statistics (`p99`) pass as given.
 */
const STATISTICS: Record<string, string> = {
  average: 'Average',
  sum: 'Sum',
  samplecount: 'SampleCount',
  minimum: 'Minimum',
  maximum: 'Maximum',
};

function widgetStat(stat: string): string {
  return STATISTICS[stat.replace(/_/g, '').toLowerCase()] ?? stat;
}

function dimensionsOf(dimensions: Dimension[] | null | undefined): MetricDimension[] {
  return (dimensions ?? []).filter((d) => d.name !== '').map((d) => ({ name: d.name, value: d.value }));
}

/**
 * What the alarm watches, as much as a picture of it needs; undefined when the message does not
 * say enough to draw it (composite alarms, trimmed messages, a metric without its namespace).
 */
export function alarmMetricFromTrigger(trigger: AlarmTrigger | null | undefined): AlarmMetric | undefined {
  if (!trigger) return undefined;
  const comparison = trigger.ComparisonOperator ? { comparison: trigger.ComparisonOperator } : {};
  const threshold = typeof trigger.Threshold === 'number' ? { threshold: trigger.Threshold } : {};
  if (trigger.Metrics && trigger.Metrics.length > 0) {
    const queries = trigger.Metrics.map(queryOf);
    if (queries.some((query) => query === undefined)) return undefined;
    return {
      kind: 'math',
      queries: queries as AlarmMetricQuery[],
      ...(trigger.Period !== undefined ? { period: trigger.Period } : {}),
      ...threshold,
      ...(trigger.ThresholdMetricId ? { thresholdMetricId: trigger.ThresholdMetricId } : {}),
      ...comparison,
    };
  }
  const stat = trigger.Statistic ?? trigger.ExtendedStatistic;
  if (!trigger.Namespace || !trigger.MetricName || !stat || trigger.Period === undefined) return undefined;
  return {
    kind: 'single',
    namespace: trigger.Namespace,
    name: trigger.MetricName,
    dimensions: dimensionsOf(trigger.Dimensions),
    stat: widgetStat(stat),
    period: trigger.Period,
    ...threshold,
    ...comparison,
    ...(trigger.Unit ? { unit: trigger.Unit } : {}),
  };
}

function queryOf(entry: MathMetric): AlarmMetricQuery | undefined {
  const query: AlarmMetricQuery = { id: entry.Id };
  if (entry.Label) query.label = entry.Label;
  if (entry.ReturnData !== undefined) query.returnData = entry.ReturnData;
  if (entry.Expression) return { ...query, expression: entry.Expression };
  const stat = entry.MetricStat;
  if (!stat?.Metric.Namespace) return undefined;
  query.metric = {
    namespace: stat.Metric.Namespace,
    name: stat.Metric.MetricName,
    dimensions: dimensionsOf(stat.Metric.Dimensions),
    ...(stat.Stat ? { stat: widgetStat(stat.Stat) } : {}),
    ...(stat.Period !== undefined ? { period: stat.Period } : {}),
  };
  return query;
}
