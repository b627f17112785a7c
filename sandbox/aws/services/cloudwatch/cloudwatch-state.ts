import type { Clock } from '../../../../src/clock.ts';
import { CloudWatchAlarms } from './cloudwatch-alarms.ts';

/** One raw value of a metric, as a service would have published it. */
export interface MetricValue {
  at: Date;
  value: number;
}

/** A level a metric holds from `from` on, until the next level (see `publishEveryMinute`). */
export interface MetricLevel {
  from: Date;
  value: number;
}

/** Dimension name → value; a metric is identified by namespace, name and exactly these dimensions. */
export type MetricDimensions = Readonly<Record<string, string>>;

interface MetricSeries {
  unit: string;
  values: MetricValue[];
  levels: MetricLevel[];
}

const MINUTE_MS = 60_000;

function seriesKey(namespace: string, metricName: string, dimensions: MetricDimensions): string {
  const sorted = Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([namespace, metricName, sorted]);
}

/**
 * The metric data CloudWatch holds, for GetMetricData. Seed a series with explicit values
 * (`putMetricValues`) or with levels published once a minute up to the emulator's clock
 * (`publishEveryMinute`), the way RDS publishes FreeStorageSpace: a drill that runs for half an
 * hour still finds fresh datapoints. A series has one unit (CloudWatch never converts units).
 */
export class CloudWatchState {
  private readonly series = new Map<string, MetricSeries>();
  /** Alarms and their tags, for ListTagsForResource: `alarms.add({ name, tags })`. */
  readonly alarms: CloudWatchAlarms;

  constructor(private readonly env: { clock: Clock; accountId: string; region: string }) {
    this.alarms = new CloudWatchAlarms(env);
  }

  /** The emulator's now: what seeds anchor levels to, and how far `publishEveryMinute` has published. */
  now(): Date {
    return this.env.clock.now();
  }

  /** Adds raw values to a metric (kept in time order); `unit` as the publisher would send it. */
  putMetricValues(
    namespace: string,
    metricName: string,
    dimensions: MetricDimensions,
    values: readonly MetricValue[],
    unit = 'None',
  ): void {
    const series = this.seriesFor(namespace, metricName, dimensions, unit);
    series.values.push(...values.map((value) => ({ at: new Date(value.at), value: value.value })));
    series.values.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /**
   * Publishes a value at every whole minute from the first level's `from` up to the clock's now,
   * each minute the latest level whose `from` has come. Later levels (a volume filling up) may lie
   * in the future: they take over when the clock gets there.
   */
  publishEveryMinute(
    namespace: string,
    metricName: string,
    dimensions: MetricDimensions,
    levels: readonly MetricLevel[],
    unit = 'None',
  ): void {
    const series = this.seriesFor(namespace, metricName, dimensions, unit);
    series.levels.push(...levels.map((level) => ({ from: new Date(level.from), value: level.value })));
    series.levels.sort((a, b) => a.from.getTime() - b.from.getTime());
  }

  /** Forgets a metric and all its values (a scenario replacing what the sandbox account had). */
  deleteMetric(namespace: string, metricName: string, dimensions: MetricDimensions): void {
    this.series.delete(seriesKey(namespace, metricName, dimensions));
  }

  /**
   * The raw values of one metric with `start <= at < end`, oldest first, and the series' unit;
   * undefined for a metric nobody published (namespace, name and dimensions must all match).
   */
  valuesBetween(
    namespace: string,
    metricName: string,
    dimensions: MetricDimensions,
    start: Date,
    end: Date,
  ): { unit: string; values: MetricValue[] } | undefined {
    const series = this.series.get(seriesKey(namespace, metricName, dimensions));
    if (!series) return undefined;
    const inRange = (at: number) => at >= start.getTime() && at < end.getTime();
    const values = [
      ...series.values.filter((value) => inRange(value.at.getTime())),
      ...this.levelValues(series.levels, start, end).filter((value) => inRange(value.at.getTime())),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { unit: series.unit, values };
  }

  private levelValues(levels: readonly MetricLevel[], start: Date, end: Date): MetricValue[] {
    const first = levels[0];
    if (!first) return [];
    const until = Math.min(end.getTime(), this.env.clock.now().getTime() + 1);
    const firstMinute = Math.ceil(Math.max(first.from.getTime(), start.getTime()) / MINUTE_MS) * MINUTE_MS;
    const values: MetricValue[] = [];
    for (let at = firstMinute; at < until; at += MINUTE_MS) {
      const level = levels.findLast((candidate) => candidate.from.getTime() <= at);
      if (level) values.push({ at: new Date(at), value: level.value });
    }
    return values;
  }

  private seriesFor(
    namespace: string,
    metricName: string,
    dimensions: MetricDimensions,
    unit: string,
  ): MetricSeries {
    const key = seriesKey(namespace, metricName, dimensions);
    const existing = this.series.get(key);
    if (existing) {
      if (existing.unit !== unit)
        throw new Error(`${namespace} ${metricName} is published in ${existing.unit}, not ${unit}`);
      return existing;
    }
    const created: MetricSeries = { unit, values: [], levels: [] };
    this.series.set(key, created);
    return created;
  }
}
