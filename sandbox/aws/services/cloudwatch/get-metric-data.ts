import type { GetMetricDataInput, GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { loadServiceModel } from '../../model/service-model.ts';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { AwsServiceError, modelledError } from '../../service-error.ts';
import type { MetricValue } from './cloudwatch-state.ts';
import { readQueries, type ServedQuery } from './metric-data-queries.ts';

/** GetMetricData's default MaxDatapoints: past it, CloudWatch paginates. */
const DEFAULT_MAX_DATAPOINTS = 100_800;
const MINUTE_MS = 60_000;

/** The statistic of the raw values in one period (pNN: nearest rank). */
function statistic(stat: string, values: readonly number[]): number {
  switch (stat) {
    case 'SampleCount':
      return values.length;
    case 'Sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'Average':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    default: {
      const sorted = [...values].sort((a, b) => a - b);
      const rank = Math.ceil((Number(stat.slice(1)) / 100) * sorted.length);
      return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
    }
  }
}

/**
 * CloudWatch aligns periods to StartTime, itself rounded down to the whole minute (whole period for
 * high-resolution periods) for data under 15 days old; EndTime is exclusive.
 */
function periodStarts(start: Date, end: Date, periodSeconds: number): number[] {
  const step = periodSeconds * 1000;
  const round = Math.min(step, MINUTE_MS);
  const first = Math.floor(start.getTime() / round) * round;
  const starts: number[] = [];
  for (let at = first; at < end.getTime(); at += step) starts.push(at);
  return starts;
}

function serveQuery(query: ServedQuery, input: GetMetricDataInput, context: HandlerContext) {
  const { Metric, Period, Stat, Unit } = query.stat;
  const dimensions = Object.fromEntries((Metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
  const starts = periodStarts(input.StartTime as Date, input.EndTime as Date, Period as number);
  const first = new Date(starts[0] ?? 0);
  const found = context.state.cloudwatch.valuesBetween(
    Metric.Namespace,
    Metric.MetricName,
    dimensions,
    first,
    input.EndTime as Date,
  );
  // A Unit the data was not published in matches nothing: CloudWatch does not convert units.
  const values: MetricValue[] = found && (Unit === undefined || Unit === found.unit) ? found.values : [];
  const step = (Period as number) * 1000;
  const points = starts.flatMap((at) => {
    const inPeriod = values.filter((value) => value.at.getTime() >= at && value.at.getTime() < at + step);
    return inPeriod.length === 0
      ? []
      : [
          {
            at: new Date(at),
            value: statistic(
              Stat as string,
              inPeriod.map((v) => v.value),
            ),
          },
        ];
  });
  if (input.ScanBy !== 'TimestampAscending') points.reverse();
  return { periods: starts.length, points };
}

/**
 * GetMetricData over the emulator's metric data (`state.cloudwatch`): each query's statistic per
 * period, newest first unless ScanBy says otherwise, StatusCode Complete. Never paginates: a
 * NextToken is one it did not issue (InvalidNextToken), and a request whose periods exceed
 * MaxDatapoints is answered NotImplemented instead of a silently cut series.
 */
export function getMetricData(
  rawInput: Record<string, unknown>,
  context: HandlerContext,
): GetMetricDataOutput {
  const input = validatedInput<GetMetricDataInput>(rawInput);
  if (input.NextToken !== undefined)
    throw modelledError(
      loadServiceModel('cloudwatch'),
      'InvalidNextToken',
      `The value ${input.NextToken} for parameter NextToken is not valid.`,
    );
  const queries = readQueries(input);
  const served = queries.map((query) => ({ query, ...serveQuery(query, input, context) }));
  const periods = served.reduce((sum, entry) => sum + entry.periods, 0);
  if (periods > (input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS))
    throw new AwsServiceError(
      'NotImplemented',
      `The request spans ${periods} periods, more than MaxDatapoints allows in one page; pagination is not served by the warroom AWS emulator.`,
      { status: 501 },
    );
  const results: MetricDataResult[] = served
    .filter(({ query }) => query.returnData)
    .map(({ query, points }) => ({
      Id: query.id,
      Label: query.label,
      Timestamps: points.map((point) => point.at),
      Values: points.map((point) => point.value),
      StatusCode: 'Complete',
      Messages: [],
    }));
  return { MetricDataResults: results, Messages: [] };
}
