import { describe, expect, it } from 'vitest';
import { parseCloudWatchAlarm } from '../../../handlers/notifications/cloudwatch-alarm.ts';
import { groupKeyFor } from '../../../src/signals/group-key.ts';
import { loadPayload, notificationOf, variantOf } from './notification-fixtures.ts';

const rdsAlarm = loadPayload('cloudwatch-alarm-rds.message.json');
const mathAlarm = loadPayload('cloudwatch-alarm-metric-math.message.json');

type Dimensions = Record<string, string>;

/** The shipped single-metric alarm message, re-pointed at another namespace and dimensions. */
function singleMetricAlarm(
  namespace: string,
  metric: string,
  dimensions: Dimensions,
  account = '111122223333',
) {
  return variantOf(rdsAlarm, (m) => {
    m['AlarmName'] = `${metric}-alarm`;
    m['AlarmArn'] = `arn:aws:cloudwatch:eu-west-1:${account}:alarm:${metric}-alarm`;
    const trigger = m['Trigger'] as Record<string, unknown>;
    trigger['Namespace'] = namespace;
    trigger['MetricName'] = metric;
    // Key order as in real captures: value first.
    trigger['Dimensions'] = Object.entries(dimensions).map(([name, value]) => ({ value, name }));
  });
}

function metricStat(id: string, namespace: string, metric: string, dimensions: Dimensions) {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Dimensions: Object.entries(dimensions).map(([name, value]) => ({ value, name })),
        MetricName: metric,
        Namespace: namespace,
      },
      Period: 60,
      Stat: 'Sum',
    },
    ReturnData: false,
  };
}

function mathAlarmOver(metrics: unknown[]) {
  return variantOf(mathAlarm, (m) => {
    m['AlarmArn'] = 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:error-rate';
    (m['Trigger'] as Record<string, unknown>)['Metrics'] = [
      { Expression: '100*(m1/m2)', Id: 'e1', Label: 'ErrorRate', ReturnData: true },
      ...metrics,
    ];
  });
}

const parse = (message: object) => parseCloudWatchAlarm(notificationOf(message))!;

describe('CloudWatch alarms on non-RDS metrics name their resource', () => {
  it.each([
    [
      'AWS/EC2',
      'CPUUtilization',
      { InstanceId: 'i-0abc123def4567890' },
      'ec2-instance',
      'i-0abc123def4567890',
    ],
    [
      'CWAgent',
      'mem_used_percent',
      { InstanceId: 'i-0abc123def4567890', ImageId: 'ami-1' },
      'ec2-instance',
      'i-0abc123def4567890',
    ],
    ['AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' }, 'autoscaling-group', 'web-asg'],
    [
      'AWS/ApplicationELB',
      'HTTPCode_ELB_5XX_Count',
      { LoadBalancer: 'app/web/50dc6c495c0c9188' },
      'load-balancer',
      'app/web/50dc6c495c0c9188',
    ],
    [
      'AWS/ApplicationELB',
      'UnHealthyHostCount',
      { TargetGroup: 'targetgroup/web/943f017f100becff', LoadBalancer: 'app/web/50dc6c495c0c9188' },
      'target-group',
      'targetgroup/web/943f017f100becff',
    ],
    ['AWS/ELB', 'UnHealthyHostCount', { LoadBalancerName: 'legacy-elb' }, 'load-balancer', 'legacy-elb'],
    ['AWS/Lambda', 'Errors', { FunctionName: 'checkout-handler' }, 'lambda-function', 'checkout-handler'],
    ['AWS/SQS', 'ApproximateAgeOfOldestMessage', { QueueName: 'orders-dlq' }, 'sqs-queue', 'orders-dlq'],
    [
      'AWS/DynamoDB',
      'ThrottledRequests',
      { TableName: 'carts', Operation: 'PutItem' },
      'dynamodb-table',
      'carts',
    ],
    [
      'AWS/ECS',
      'CPUUtilization',
      { ClusterName: 'prod', ServiceName: 'checkout' },
      'ecs-service',
      'prod/checkout',
    ],
    ['AWS/ECS', 'MemoryReservation', { ClusterName: 'prod' }, 'ecs-cluster', 'prod'],
  ])('%s %s with %j names %s %s', (namespace, metric, dimensions, kind, id) => {
    const alert = parse(singleMetricAlarm(namespace, metric, dimensions));
    expect(alert.resource).toEqual({ kind, id, region: 'eu-west-1', accountId: '111122223333' });
    // The threshold reads in the metric's unit (400 %, 6.67 min…); the resource closes the title.
    expect(alert.title.startsWith(`${metric} > `)).toBe(true);
    expect(alert.title.endsWith(` on ${id}`)).toBe(true);
    expect(groupKeyFor(alert)).toBe(`${kind}:111122223333:eu-west-1:${id}`);
  });

  it('does not take a dimension name from another service for an EC2 instance or ECS cluster', () => {
    expect(
      parse(singleMetricAlarm('AWS/Connect', 'CallsBreachingConcurrencyQuota', { InstanceId: 'c-1' }))
        .resource?.kind,
    ).toBe('cloudwatch-alarm');
    expect(
      parse(singleMetricAlarm('ContainerInsights', 'node_cpu_utilization', { ClusterName: 'eks-prod' }))
        .resource?.kind,
    ).toBe('cloudwatch-alarm');
  });

  it('groups two alarms on one instance together, and keeps the same instance id in another account apart', () => {
    const cpu = parse(singleMetricAlarm('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-0abc' }));
    const status = parse(singleMetricAlarm('AWS/EC2', 'StatusCheckFailed', { InstanceId: 'i-0abc' }));
    const elsewhere = parse(
      singleMetricAlarm('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-0abc' }, '444455556666'),
    );
    expect(groupKeyFor(cpu)).toBe(groupKeyFor(status));
    expect(groupKeyFor(elsewhere)).not.toBe(groupKeyFor(cpu));
  });

  it('names the resource of a metric-math alarm when every metric names the same one', () => {
    const lambda = { FunctionName: 'checkout-handler' };
    const errorRate = parse(
      mathAlarmOver([
        metricStat('m1', 'AWS/Lambda', 'Errors', lambda),
        metricStat('m2', 'AWS/Lambda', 'Invocations', lambda),
      ]),
    );
    expect(errorRate.resource).toMatchObject({ kind: 'lambda-function', id: 'checkout-handler' });
    expect(errorRate.title).toBe('ErrorRate > 0 on checkout-handler');
  });

  it('falls back to the load balancer that a target-group metric and a load-balancer metric share', () => {
    const lb = 'app/web/50dc6c495c0c9188';
    const alert = parse(
      mathAlarmOver([
        metricStat('m1', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', {
          TargetGroup: 'targetgroup/web/943f017f100becff',
          LoadBalancer: lb,
        }),
        metricStat('m2', 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer: lb }),
      ]),
    );
    expect(alert.resource).toMatchObject({ kind: 'load-balancer', id: lb });
  });

  it('keeps the alarm as the resource when the metrics name different resources', () => {
    const alert = parse(
      mathAlarmOver([
        metricStat('m1', 'AWS/SQS', 'NumberOfMessagesSent', { QueueName: 'orders' }),
        metricStat('m2', 'AWS/SQS', 'NumberOfMessagesSent', { QueueName: 'refunds' }),
      ]),
    );
    expect(alert.resource).toMatchObject({ kind: 'cloudwatch-alarm', id: 'EXAMPLE' });
    expect(groupKeyFor(alert)).toBe('alarm:arn:aws:cloudwatch:eu-west-1:111122223333:alarm:error-rate');
  });
});
