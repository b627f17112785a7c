import type { GetMetricDataInput, MetricStat } from '@aws-sdk/client-cloudwatch';
import { loadServiceModel } from '../../model/service-model.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';

/** The documented limit on MetricDataQuery structures in one GetMetricData call. */
export const MAX_QUERIES = 500;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
/** Periods the model documents: 1, 5, 10, 20 or 30 for high-resolution metrics, else a multiple of 60. */
const HIGH_RESOLUTION_PERIODS = new Set([1, 5, 10, 20, 30]);
const BASIC_STATISTICS = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
const PERCENTILE = /^p(\d{1,2}(?:\.\d{1,10})?|100)$/;

/** One query the emulator serves: a metric with its statistic, to be returned or not. */
export interface ServedQuery {
  id: string;
  label: string;
  stat: MetricStat & { Metric: { Namespace: string; MetricName: string } };
  returnData: boolean;
}

/**
 * CloudWatch answers GetMetricData's own checks with `ValidationError` (400), which the model does
 * not list; the messages follow what it answered in public issue threads (telegraf#5420,
 * elastic/beats#32687, yet-another-cloudwatch-exporter#729).
 */
export function validationError(message: string): AwsServiceError {
  return modelledError(loadServiceModel('cloudwatch'), 'ValidationError', message);
}

function notServed(message: string): AwsServiceError {
  return new AwsServiceError('NotImplemented', `${message} (not served by the warroom AWS emulator)`, {
    status: 501,
  });
}

export function isServedStatistic(stat: string): boolean {
  return BASIC_STATISTICS.has(stat) || PERCENTILE.test(stat);
}

function isValidPeriod(period: number): boolean {
  return HIGH_RESOLUTION_PERIODS.has(period) || (period >= 60 && period % 60 === 0);
}

/**
 * Checks the queries as CloudWatch does (1–500 of them, Ids unique and lower-case first, exactly
 * one of MetricStat and Expression, a valid Period, a namespace and metric name) and the time
 * range (StartTime before EndTime). Metric math, Metrics Insights and extended statistics other
 * than percentiles are answered NotImplemented rather than with made-up numbers.
 */
export function readQueries(input: GetMetricDataInput): ServedQuery[] {
  const queries = input.MetricDataQueries ?? [];
  if (queries.length === 0 || queries.length > MAX_QUERIES)
    throw validationError(
      `The parameter MetricDataQueries must contain between 1 and ${MAX_QUERIES} members; it has ${queries.length}.`,
    );
  const badIds = queries.flatMap((query, index) =>
    ID_PATTERN.test(query.Id ?? '')
      ? []
      : [
          `The value ${query.Id} for parameter MetricDataQueries.member.${index + 1}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
        ],
  );
  if (badIds.length > 0) throw validationError(badIds.join('\n'));
  if (new Set(queries.map((query) => query.Id)).size !== queries.length)
    throw validationError('The values for parameter id in MetricDataQueries are not unique.');
  const start = input.StartTime?.getTime() ?? 0;
  const end = input.EndTime?.getTime() ?? 0;
  if (start === end) throw validationError('The parameter StartTime must not equal parameter EndTime.');
  if (start > end) throw validationError('The parameter StartTime must be less than the parameter EndTime.');
  return queries.map((query, index) => {
    const where = `MetricDataQueries.member.${index + 1}`;
    if ((query.MetricStat === undefined) === (query.Expression === undefined))
      throw validationError(`Exactly one of MetricStat and Expression must be set in ${where}.`);
    if (query.Expression !== undefined)
      throw notServed(`${where}.Expression (metric math, Metrics Insights)`);
    const stat = query.MetricStat as MetricStat;
    const namespace = stat.Metric?.Namespace;
    const metricName = stat.Metric?.MetricName;
    if (!namespace) throw validationError(`The parameter ${where}.MetricStat.Metric.Namespace is required.`);
    if (!metricName)
      throw validationError(`The parameter ${where}.MetricStat.Metric.MetricName is required.`);
    if (!isValidPeriod(stat.Period ?? 0))
      throw validationError(
        `The value ${stat.Period} for parameter ${where}.MetricStat.Period is not valid: use 1, 5, 10, 20, 30 or a multiple of 60.`,
      );
    if (!isServedStatistic(stat.Stat ?? ''))
      throw notServed(`The statistic ${stat.Stat} in ${where}.MetricStat.Stat`);
    return {
      id: query.Id as string,
      label: query.Label ?? metricName,
      stat: { ...stat, Metric: { ...stat.Metric, Namespace: namespace, MetricName: metricName } },
      returnData: query.ReturnData !== false,
    };
  });
}
