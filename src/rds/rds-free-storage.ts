import type { LatestMetricValue, MetricValues } from '../aws/cloudwatch-metric-values.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import {
  dimensionsOf,
  STORAGE_WINDOW_MINUTES,
  type StorageFinding,
  type StorageMetric,
  type StorageReading,
} from './storage-metrics.ts';

export interface FreeStorageDeps {
  metricValues: MetricValues;
  clock: Clock;
  logger: Logger;
}

/** Why no metric could be read, in words a responder can act on. */
function reasonFor(error: unknown): string {
  if (!isBotError(error)) return 'the call to CloudWatch failed';
  switch (error.code) {
    case 'AWS.ACCESS_DENIED':
      return "warroom's role lacks `cloudwatch:GetMetricData`";
    case 'AWS.THROTTLED':
      return 'CloudWatch is throttling warroom; ask again in a minute';
    default:
      return error.userMessage.replace(/\.$/, '');
  }
}

function readingOf(latest: LatestMetricValue): StorageReading {
  switch (latest.kind) {
    case 'value':
      return { kind: 'value', bytes: latest.value, at: latest.at };
    case 'no-datapoints':
      return latest;
    case 'not-read':
      return {
        kind: 'not-read',
        reason:
          latest.statusCode === 'Forbidden'
            ? 'CloudWatch refused this metric (StatusCode Forbidden)'
            : 'CloudWatch could not read it this time (StatusCode InternalError)',
      };
  }
}

/**
 * The newest value of each storage metric in the last 15 minutes (statistic Minimum per 60 s), in
 * one GetMetricData call. Never throws: a failed call becomes the same reason on every metric, so
 * the rest of `/incident rds status` still shows; the failure is logged with its detail.
 */
export async function readFreeStorage(
  deps: FreeStorageDeps,
  metrics: readonly StorageMetric[],
): Promise<StorageFinding[]> {
  const end = deps.clock.now();
  const start = new Date(end.getTime() - STORAGE_WINDOW_MINUTES * 60_000);
  const requests = metrics.map((metric) => ({
    namespace: 'AWS/RDS',
    name: metric.name,
    dimensions: dimensionsOf(metric),
    stat: 'Minimum',
    periodSeconds: 60,
    unit: 'Bytes',
  }));
  try {
    const latest = await deps.metricValues.latestValues(requests, { start, end });
    return metrics.map((metric, index) => ({
      metric,
      reading: readingOf(latest[index] ?? { kind: 'no-datapoints' }),
    }));
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not read storage metrics for rds status');
    const reading: StorageReading = { kind: 'not-read', reason: reasonFor(error) };
    return metrics.map((metric) => ({ metric, reading }));
  }
}
