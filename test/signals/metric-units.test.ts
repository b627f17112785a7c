import { describe, expect, it } from 'vitest';
import { alarmMetricUnit, formatMetricValue, metricUnit } from '../../src/signals/metric-units.ts';

describe('metricUnit', () => {
  it('knows the units AWS documents for RDS and Aurora metrics when the alarm says none', () => {
    expect(metricUnit('AWS/RDS', 'FreeStorageSpace', null)).toBe('Bytes');
    expect(metricUnit('AWS/RDS', 'AuroraVolumeBytesLeftTotal')).toBe('Bytes');
    expect(metricUnit('AWS/RDS', 'ReadLatency')).toBe('Seconds');
    expect(metricUnit('AWS/RDS', 'CommitLatency')).toBe('Milliseconds');
    expect(metricUnit('AWS/RDS', 'CPUUtilization')).toBe('Percent');
    expect(metricUnit('AWS/RDS', 'SomethingNew')).toBeUndefined();
  });

  it('prefers the unit the alarm declares, and ignores one it does not know', () => {
    expect(metricUnit('Custom/App', 'QueueBytes', 'Bytes')).toBe('Bytes');
    expect(metricUnit('AWS/RDS', 'FreeStorageSpace', 'Furlongs')).toBe('Bytes');
    expect(metricUnit('Custom/App', 'Widgets', 'None')).toBeUndefined();
  });

  it('reads the unit of the metric a math alarm returns, and none for an expression', () => {
    const query = {
      id: 'm1',
      returnData: true,
      metric: { namespace: 'AWS/RDS', name: 'FreeableMemory', dimensions: [] },
    };
    expect(alarmMetricUnit({ kind: 'math', queries: [query] })).toBe('Bytes');
    expect(
      alarmMetricUnit({ kind: 'math', queries: [{ id: 'e1', expression: 'm1/m2', returnData: true }] }),
    ).toBeUndefined();
    expect(
      alarmMetricUnit({
        kind: 'single',
        namespace: 'Custom',
        name: 'x',
        dimensions: [],
        stat: 'Average',
        period: 60,
        unit: 'Milliseconds',
      }),
    ).toBe('Milliseconds');
  });
});

describe('formatMetricValue', () => {
  it('shows bytes in binary units with at most three significant digits', () => {
    expect(formatMetricValue(1099511627776, 'Bytes')).toBe('1 TiB');
    expect(formatMetricValue(1002159035596, 'Bytes')).toBe('933 GiB');
    expect(formatMetricValue(10 * 1024 ** 3, 'Bytes')).toBe('10 GiB');
    expect(formatMetricValue(1.5 * 1024 ** 2, 'Bytes')).toBe('1.5 MiB');
    expect(formatMetricValue(512, 'Bytes')).toBe('512 B');
    expect(formatMetricValue(2048, 'Kilobytes')).toBe('2 MiB');
    expect(formatMetricValue(5 * 1024 ** 2, 'Bytes/Second')).toBe('5 MiB/s');
  });

  it('shows latencies in seconds as ms below a second, and minutes for long lags', () => {
    expect(formatMetricValue(0.025, 'Seconds')).toBe('25 ms');
    expect(formatMetricValue(1.5, 'Seconds')).toBe('1.5 s');
    expect(formatMetricValue(600, 'Seconds')).toBe('10 min');
    expect(formatMetricValue(250, 'Milliseconds')).toBe('250 ms');
    expect(formatMetricValue(0.0004, 'Seconds')).toBe('400 µs');
  });

  it('shows percents and counts as numbers people read, and unknown units as AWS sent them', () => {
    expect(formatMetricValue(80, 'Percent')).toBe('80 %');
    expect(formatMetricValue(97.456, 'Percent')).toBe('97.5 %');
    expect(formatMetricValue(1200, 'Count')).toBe('1,200');
    expect(formatMetricValue(35.5, 'Count/Second')).toBe('35.5/s');
    expect(formatMetricValue(1099511627776, undefined)).toBe('1099511627776');
  });
});
