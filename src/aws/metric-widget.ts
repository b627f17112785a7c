import type { AlarmMetric, AlarmMetricQuery, MetricIdentity } from '../signals/index.ts';

/** Rendering properties, the optional last element of a metric array (AWS: "metric widget structure"). */
export interface MetricRendering {
  id?: string;
  label?: string;
  expression?: string;
  stat?: string;
  period?: number;
  visible?: boolean;
}

/** `[Namespace, MetricName, DimName, DimValue, …, {rendering}]`, or `[{expression, id, …}]`. */
export type WidgetMetric = Array<string | MetricRendering>;

export interface HorizontalAnnotation {
  value: number;
  label?: string;
  /** Shades the side of the line that is in alarm. */
  fill?: 'above' | 'below';
}

export interface VerticalAnnotation {
  /** ISO-8601 time. */
  value: string;
  label?: string;
}

/** The GetMetricWidgetImage `MetricWidget` JSON, the parts warroom sends. */
export interface MetricWidget {
  metrics: WidgetMetric[];
  view: 'timeSeries';
  stacked: boolean;
  title: string;
  /** Absolute ISO-8601 times (AWS also takes relative `-PT3H`). */
  start: string;
  end: string;
  width: number;
  height: number;
  region?: string;
  period?: number;
  annotations?: { horizontal?: HorizontalAnnotation[]; vertical?: VerticalAnnotation[] };
  legend: { position: 'bottom' | 'right' | 'hidden' };
}

export interface MetricPictureInput {
  metric: AlarmMetric;
  /** The alarm name; the picture's title. */
  title: string;
  /** When the alarm changed state. */
  alarmAt: Date;
  now: Date;
  region?: string;
}

const BEFORE_MS = 3 * 60 * 60 * 1000;
const AFTER_MS = 30 * 60 * 1000;
export const PICTURE_WIDTH = 800;
export const PICTURE_HEIGHT = 400;

/**
 * The widget for an alarm's metric around the alarm time: from 3 h before to 30 min after (or now,
 * if sooner), a horizontal line at the threshold shaded on the alarming side, a vertical line at
 * the alarm time. Metric-math alarms keep their entries as given; only the evaluated one shows.
 */
export function buildMetricWidget(input: MetricPictureInput): MetricWidget {
  const { metric, alarmAt, now } = input;
  const end = Math.max(alarmAt.getTime(), Math.min(alarmAt.getTime() + AFTER_MS, now.getTime()));
  const horizontal: HorizontalAnnotation[] =
    metric.threshold === undefined ? [] : [thresholdLine(metric.threshold, metric.comparison)];
  return {
    metrics: metric.kind === 'single' ? [singleMetric(metric)] : mathMetrics(metric.queries),
    view: 'timeSeries',
    stacked: false,
    title: input.title,
    start: new Date(alarmAt.getTime() - BEFORE_MS).toISOString(),
    end: new Date(end).toISOString(),
    width: PICTURE_WIDTH,
    height: PICTURE_HEIGHT,
    ...(input.region ? { region: input.region } : {}),
    ...(metric.period !== undefined ? { period: metric.period } : {}),
    annotations: {
      ...(horizontal.length > 0 ? { horizontal } : {}),
      vertical: [{ value: alarmAt.toISOString(), label: 'Alarm' }],
    },
    legend: { position: 'bottom' },
  };
}

function identity(metric: MetricIdentity): string[] {
  return [metric.namespace, metric.name, ...metric.dimensions.flatMap((d) => [d.name, d.value])];
}

function singleMetric(metric: Extract<AlarmMetric, { kind: 'single' }>): WidgetMetric {
  return [...identity(metric), { stat: metric.stat, period: metric.period }];
}

function mathMetrics(queries: AlarmMetricQuery[]): WidgetMetric[] {
  const evaluatedOnly = queries.some((query) => query.returnData === true);
  return queries.map((query) => {
    const rendering: MetricRendering = { id: query.id };
    if (query.label) rendering.label = query.label;
    if (evaluatedOnly && query.returnData !== true) rendering.visible = false;
    if (query.expression !== undefined || !query.metric) {
      return [{ expression: query.expression ?? query.id, ...rendering }];
    }
    const { stat, period } = query.metric;
    return [
      ...identity(query.metric),
      { ...(stat ? { stat } : {}), ...(period !== undefined ? { period } : {}), ...rendering },
    ];
  });
}

function thresholdLine(value: number, comparison: string | undefined): HorizontalAnnotation {
  const line: HorizontalAnnotation = { value, label: `Threshold ${value}` };
  if (comparison?.startsWith('GreaterThan')) line.fill = 'above';
  else if (comparison?.startsWith('LessThan')) line.fill = 'below';
  return line;
}
