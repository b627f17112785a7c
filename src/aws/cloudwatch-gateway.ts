import {
  type CloudWatchClient,
  GetMetricDataCommand,
  GetMetricWidgetImageCommand,
  type MetricDataQuery,
  type MetricDataResult,
  type StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import { BotError } from '../errors.ts';
import { toAwsBotError } from './aws-error.ts';
import type { LatestMetricValue, MetricRequest, MetricValues } from './cloudwatch-metric-values.ts';
import type { MetricImages } from './metric-images.ts';
import type { MetricWidget } from './metric-widget.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Ids must start lower-case and be unique in a call: the index is enough. */
const queryId = (index: number) => `m${index}`;

function toQuery(metric: MetricRequest, index: number): MetricDataQuery {
  return {
    Id: queryId(index),
    MetricStat: {
      Metric: {
        Namespace: metric.namespace,
        MetricName: metric.name,
        Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: metric.periodSeconds,
      Stat: metric.stat,
      ...(metric.unit ? { Unit: metric.unit as StandardUnit } : {}),
    },
    ReturnData: true,
  };
}

/** The newest datapoint of a result, whatever order CloudWatch listed them in. */
function newestOf(result: MetricDataResult | undefined): LatestMetricValue {
  const timestamps = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  let newest: { value: number; at: Date } | undefined;
  timestamps.forEach((at, index) => {
    const value = values[index];
    if (value !== undefined && (!newest || at > newest.at)) newest = { value, at };
  });
  if (newest) return { kind: 'value', ...newest };
  const status = result?.StatusCode;
  if (status === 'Forbidden' || status === 'InternalError') return { kind: 'not-read', statusCode: status };
  return { kind: 'no-datapoints' };
}

/**
 * MetricImages over GetMetricWidgetImage and MetricValues over GetMetricData
 * (IAM: `cloudwatch:GetMetricWidgetImage`, `cloudwatch:GetMetricData`).
 */
export class CloudWatchGateway implements MetricImages, MetricValues {
  constructor(private readonly client: CloudWatchClient) {}

  async fetchPng(widget: MetricWidget): Promise<Uint8Array> {
    let image: Uint8Array | undefined;
    try {
      const command = new GetMetricWidgetImageCommand({
        MetricWidget: JSON.stringify(widget),
        OutputFormat: 'png',
      });
      image = (await this.client.send(command)).MetricWidgetImage;
    } catch (error) {
      throw toAwsBotError(error, 'CloudWatch', 'GetMetricWidgetImage');
    }
    // Checked here so Slack is never handed something that would show as a broken file.
    if (!image || !PNG_SIGNATURE.every((byte, index) => image[index] === byte)) {
      throw new BotError('AWS.FAILED', 'CloudWatch did not return a picture.', {
        detail: `GetMetricWidgetImage returned ${image?.length ?? 0} bytes that are not a PNG`,
      });
    }
    return image;
  }

  /**
   * One GetMetricData call, newest first. Not paged: warroom asks for minutes of a few metrics,
   * far under one page, and the newest datapoints come first anyway.
   */
  async latestValues(
    metrics: readonly MetricRequest[],
    range: { start: Date; end: Date },
  ): Promise<LatestMetricValue[]> {
    if (metrics.length === 0) return [];
    let results: MetricDataResult[];
    try {
      const command = new GetMetricDataCommand({
        MetricDataQueries: metrics.map(toQuery),
        StartTime: range.start,
        EndTime: range.end,
        ScanBy: 'TimestampDescending',
      });
      results = (await this.client.send(command)).MetricDataResults ?? [];
    } catch (error) {
      throw toAwsBotError(error, 'CloudWatch', 'GetMetricData');
    }
    return metrics.map((_, index) => newestOf(results.find((result) => result.Id === queryId(index))));
  }
}
