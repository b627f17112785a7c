/**
 * The sandbox's first scenario, as AWS would publish it: a CloudWatch CPU alarm on the RDS
 * instance `orders-db`, then the Multi-AZ failover RDS reports for the same instance. Both belong to
 * one problem, so they must make one card, updated in place.
 */
export interface ScenarioStep {
  label: string;
  subject?: string;
  message: string;
}

export function rdsCpuThenFailover(options: {
  accountId: string;
  region: string;
  topicArn: string;
  at: Date;
}): ScenarioStep[] {
  const { accountId, region, topicArn } = options;
  const alarmName = 'orders-db-cpu-high';
  const alarmTime = options.at;
  const failoverTime = new Date(alarmTime.getTime() + 90_000);
  const cloudwatchTime = alarmTime.toISOString().replace('Z', '+0000');
  const alarm = {
    AlarmName: alarmName,
    AlarmDescription: 'CPUUtilization above 80 % for 5 minutes',
    AWSAccountId: accountId,
    AlarmConfigurationUpdatedTimestamp: '2026-11-01T08:00:00.000+0000',
    NewStateValue: 'ALARM',
    NewStateReason:
      'Threshold Crossed: 5 out of the last 5 datapoints [97.2 (22/11/26 09:25:00), 95.8 (22/11/26 09:24:00)] were greater than the threshold (80.0) (minimum 5 datapoints for OK -> ALARM transition).',
    StateChangeTime: cloudwatchTime,
    Region: 'US East (N. Virginia)',
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmName}`,
    OldStateValue: 'OK',
    OKActions: [topicArn],
    AlarmActions: [topicArn],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/RDS',
      StatisticType: 'Statistic',
      Statistic: 'AVERAGE',
      Unit: null,
      Dimensions: [{ value: 'orders-db', name: 'DBInstanceIdentifier' }],
      Period: 60,
      EvaluationPeriods: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 80.0,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
    },
  };
  const failover = {
    'Event Source': 'db-instance',
    'Event Time': failoverTime.toISOString().replace('T', ' ').replace('Z', ''),
    'Identifier Link': `https://console.aws.amazon.com/rds/home?region=${region}#dbinstance:id=orders-db`,
    'Source ID': 'orders-db',
    'Source ARN': `arn:aws:rds:${region}:${accountId}:db:orders-db`,
    'Event ID':
      'http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0049',
    'Event Message': 'Multi-AZ instance failover completed',
  };
  return [
    {
      label: 'CloudWatch alarm: CPUUtilization > 80 on orders-db',
      subject: `ALARM: "${alarmName}" in US East (N. Virginia)`,
      message: JSON.stringify(alarm),
    },
    {
      label: 'RDS event: Multi-AZ failover completed on orders-db',
      subject: 'RDS Notification Message',
      message: JSON.stringify(failover),
    },
  ];
}
