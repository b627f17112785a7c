import type { z } from 'zod';
import { loadServiceModel } from '../../model/service-model.ts';
import type { AwsServiceError } from '../../service-error.ts';
import { modelledError } from '../../service-error.ts';
import { drawMetricChart } from './draw-metric-chart.ts';
import { metricWidgetSchema, type ParsedMetricWidget } from './metric-widget-schema.ts';
import { encodePng } from './png-encoder.ts';

/** The documented limit on the MetricWidget payload (uncompressed). */
const MAX_WIDGET_BYTES = 100 * 1024;
const OUTPUT_FORMATS = new Set(['png', 'image/png']);

/** `InvalidParameterValue` (400); the SDK raises InvalidParameterValueException, `Code` InvalidParameterValue. */
function invalidParameterValue(message: string): AwsServiceError {
  return modelledError(loadServiceModel('cloudwatch'), 'InvalidParameterValueException', message);
}

/**
 * GetMetricWidgetImage: checks the MetricWidget JSON against the documented structure (metrics
 * 1–100, width/height 1–2000, …) and answers a real PNG of its size: a line chart of made-up,
 * deterministic data with the horizontal annotations drawn as threshold lines. Over awsJson the
 * blob travels base64 in `MetricWidgetImage`, whichever OutputFormat was asked for.
 */
export function getMetricWidgetImage(input: Record<string, unknown>): { MetricWidgetImage: Uint8Array } {
  const format = input.OutputFormat;
  if (typeof format === 'string' && !OUTPUT_FORMATS.has(format)) {
    throw invalidParameterValue(`The value ${format} for parameter OutputFormat is not supported.`);
  }
  const text = String(input.MetricWidget ?? '');
  const widget = parseWidget(text);
  return { MetricWidgetImage: new Uint8Array(encodePng(drawMetricChart(widget, text))) };
}

function parseWidget(text: string): ParsedMetricWidget {
  if (Buffer.byteLength(text) > MAX_WIDGET_BYTES) {
    throw invalidParameterValue('The parameter MetricWidget must be at most 100 KB.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidParameterValue('The parameter MetricWidget must be a valid JSON object.');
  }
  const parsed = metricWidgetSchema.safeParse(json);
  if (!parsed.success) throw invalidParameterValue(describeIssues(parsed.error));
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
  return `The parameter MetricWidget is invalid, ${issues.length} validation error(s): ${issues.join('; ')}`;
}
