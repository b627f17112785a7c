import { describe, expect, it } from 'vitest';
import { parseCloudWatchAlarm } from '../../../handlers/notifications/cloudwatch-alarm.ts';
import { buildMetricWidget } from '../../../src/aws/metric-widget.ts';
import { loadPayload, notificationOf, variantOf } from './notification-fixtures.ts';

const rdsAlarm = loadPayload('cloudwatch-alarm-rds.message.json');
const mathAlarm = loadPayload('cloudwatch-alarm-metric-math.message.json');

function triggerOf(message: Record<string, unknown>): Record<string, unknown> {
  return message['Trigger'] as Record<string, unknown>;
}

describe('the metric a CloudWatch alarm watches, as the parser carries it on the alert', () => {
  it('reads a single-metric alarm, with SNS’s AVERAGE spelled as CloudWatch’s Average', () => {
    expect(parseCloudWatchAlarm(notificationOf(rdsAlarm))?.metric).toEqual({
      kind: 'single',
      namespace: 'AWS/RDS',
      name: 'DatabaseConnections',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'prod-orders-db-1' }],
      stat: 'Average',
      period: 60,
      threshold: 400,
      comparison: 'GreaterThanThreshold',
    });
  });

  it('keeps an extended statistic as given and names SAMPLE_COUNT as SampleCount', () => {
    const p99 = variantOf(rdsAlarm, (m) => {
      delete triggerOf(m)['Statistic'];
      triggerOf(m)['ExtendedStatistic'] = 'p99';
    });
    const count = variantOf(rdsAlarm, (m) => {
      triggerOf(m)['Statistic'] = 'SAMPLE_COUNT';
    });
    expect(parseCloudWatchAlarm(notificationOf(p99))?.metric).toMatchObject({ stat: 'p99' });
    expect(parseCloudWatchAlarm(notificationOf(count))?.metric).toMatchObject({ stat: 'SampleCount' });
  });

  it('reads a metric-math alarm entry by entry, which the widget draws showing only the evaluated one', () => {
    const metric = parseCloudWatchAlarm(notificationOf(mathAlarm))?.metric;
    expect(metric).toEqual({
      kind: 'math',
      queries: [
        { id: 'e1', label: 'Expression1', returnData: true, expression: 'm1*1' },
        {
          id: 'm1',
          returnData: false,
          metric: {
            namespace: 'AWS/EC2',
            name: 'NetworkOut',
            dimensions: [{ name: 'InstanceId', value: 'TestInstance' }],
            stat: 'Average',
            period: 60,
          },
        },
      ],
      period: 60,
      threshold: 0,
      comparison: 'GreaterThanThreshold',
    });
    const widget = buildMetricWidget({
      metric: metric!,
      title: 'EXAMPLE',
      alarmAt: new Date(),
      now: new Date(),
    });
    expect(widget.metrics).toEqual([
      [{ expression: 'm1*1', id: 'e1', label: 'Expression1' }],
      [
        'AWS/EC2',
        'NetworkOut',
        'InstanceId',
        'TestInstance',
        { stat: 'Average', period: 60, id: 'm1', visible: false },
      ],
    ]);
  });

  it('carries the band of an anomaly-detection alarm instead of a threshold', () => {
    const band = variantOf(mathAlarm, (m) => {
      delete triggerOf(m)['Threshold'];
      triggerOf(m)['ThresholdMetricId'] = 'ad1';
      triggerOf(m)['ComparisonOperator'] = 'LessThanLowerOrGreaterThanUpperThreshold';
    });
    const metric = parseCloudWatchAlarm(notificationOf(band))?.metric;
    expect(metric).toMatchObject({ kind: 'math', thresholdMetricId: 'ad1' });
    expect(metric?.threshold).toBeUndefined();
  });

  it('carries nothing when the message cannot be drawn: no Trigger, or a metric without namespace', () => {
    const composite = variantOf(rdsAlarm, (m) => {
      delete m['Trigger'];
    });
    const noNamespace = variantOf(rdsAlarm, (m) => {
      delete triggerOf(m)['Namespace'];
    });
    expect(parseCloudWatchAlarm(notificationOf(composite))).not.toHaveProperty('metric');
    expect(parseCloudWatchAlarm(notificationOf(noNamespace))).not.toHaveProperty('metric');
  });
});
