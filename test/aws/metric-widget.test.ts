import { describe, expect, it } from 'vitest';
import { buildMetricWidget } from '../../src/aws/metric-widget.ts';
import type { AlarmMetric } from '../../src/signals/alarm-metric.ts';

const alarmAt = new Date('2026-11-22T10:00:00.000Z');
const cpu: AlarmMetric = {
  kind: 'single',
  namespace: 'AWS/RDS',
  name: 'CPUUtilization',
  dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
  stat: 'Average',
  period: 300,
  threshold: 80,
  comparison: 'GreaterThanThreshold',
};

describe('buildMetricWidget', () => {
  it('pictures a single-metric alarm in AWS’s documented MetricWidget structure', () => {
    const widget = buildMetricWidget({
      metric: cpu,
      title: 'orders-db-cpu-high',
      alarmAt,
      now: new Date('2026-11-22T11:00:00.000Z'),
      region: 'eu-west-1',
    });
    expect(JSON.parse(JSON.stringify(widget))).toEqual({
      metrics: [
        ['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { stat: 'Average', period: 300 }],
      ],
      view: 'timeSeries',
      stacked: false,
      title: 'orders-db-cpu-high',
      start: '2026-11-22T07:00:00.000Z',
      end: '2026-11-22T10:30:00.000Z',
      width: 800,
      height: 400,
      region: 'eu-west-1',
      period: 300,
      annotations: {
        horizontal: [{ value: 80, label: 'Threshold 80', fill: 'above' }],
        vertical: [{ value: '2026-11-22T10:00:00.000Z', label: 'Alarm' }],
      },
      legend: { position: 'bottom' },
    });
  });

  it('ends now when the alarm is less than 30 minutes old, never before the alarm', () => {
    const recent = buildMetricWidget({
      metric: cpu,
      title: 't',
      alarmAt,
      now: new Date('2026-11-22T10:05:00Z'),
    });
    expect(recent.end).toBe('2026-11-22T10:05:00.000Z');
    const skewed = buildMetricWidget({
      metric: cpu,
      title: 't',
      alarmAt,
      now: new Date('2026-11-22T09:59:00Z'),
    });
    expect(skewed.end).toBe('2026-11-22T10:00:00.000Z');
    expect(skewed).not.toHaveProperty('region');
  });

  it('shades below the line for a LessThan alarm, and draws no line without a threshold', () => {
    const low = buildMetricWidget({
      metric: { ...cpu, name: 'FreeStorageSpace', threshold: 1e9, comparison: 'LessThanThreshold' },
      title: 't',
      alarmAt,
      now: alarmAt,
    });
    expect(low.annotations?.horizontal).toEqual([
      { value: 1e9, label: 'Threshold 1000000000', fill: 'below' },
    ]);
    const band = buildMetricWidget({
      metric: { ...cpu, threshold: undefined, comparison: 'GreaterThanUpperThreshold' },
      title: 't',
      alarmAt,
      now: alarmAt,
    });
    expect(band.annotations).toEqual({ vertical: [{ value: '2026-11-22T10:00:00.000Z', label: 'Alarm' }] });
  });

  it('keeps a metric-math alarm’s metrics and expressions as given, showing only the evaluated one', () => {
    const widget = buildMetricWidget({
      metric: {
        kind: 'math',
        threshold: 50,
        comparison: 'GreaterThanOrEqualToThreshold',
        queries: [
          { id: 'e1', expression: 'm1 / m2 * 100', label: 'Read share', returnData: true },
          {
            id: 'm1',
            returnData: false,
            metric: { namespace: 'AWS/RDS', name: 'ReadIOPS', dimensions: [], stat: 'Sum', period: 60 },
          },
          {
            id: 'm2',
            metric: {
              namespace: 'AWS/RDS',
              name: 'WriteIOPS',
              dimensions: [{ name: 'DBClusterIdentifier', value: 'orders' }],
            },
          },
        ],
      },
      title: 'read-share',
      alarmAt,
      now: alarmAt,
    });
    expect(widget.metrics).toEqual([
      [{ expression: 'm1 / m2 * 100', id: 'e1', label: 'Read share' }],
      ['AWS/RDS', 'ReadIOPS', { stat: 'Sum', period: 60, id: 'm1', visible: false }],
      ['AWS/RDS', 'WriteIOPS', 'DBClusterIdentifier', 'orders', { id: 'm2', visible: false }],
    ]);
    expect(widget).not.toHaveProperty('period');
    expect(widget.annotations?.horizontal).toEqual([{ value: 50, label: 'Threshold 50', fill: 'above' }]);
  });
});
