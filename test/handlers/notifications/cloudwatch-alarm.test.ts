import { describe, expect, it } from 'vitest';
import { parseCloudWatchAlarm } from '../../../handlers/notifications/cloudwatch-alarm.ts';
import { loadPayload, notificationFromEnvelope, notificationOf, variantOf } from './notification-fixtures.ts';

const rdsAlarm = loadPayload('cloudwatch-alarm-rds.message.json');
const mathAlarm = loadPayload('cloudwatch-alarm-metric-math.message.json');

function factsOf(alert: { facts: { label: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(alert.facts.map((f) => [f.label, f.value]));
}

describe('parseCloudWatchAlarm', () => {
  it('reads an RDS alarm from its SNS envelope as an alarm on the DB instance', () => {
    const alert = parseCloudWatchAlarm(notificationFromEnvelope('cloudwatch-alarm-rds.json'));
    expect(alert).toMatchObject({
      source: 'cloudwatch-alarm',
      signalType: 'cloudwatch-alarm:ALARM',
      title: 'DatabaseConnections > 400 on prod-orders-db-1',
      detail: 'DatabaseConnections above 400 for 5 minutes',
      resource: {
        kind: 'rds-instance',
        id: 'prod-orders-db-1',
        arn: 'arn:aws:rds:us-east-1:111122223333:db:prod-orders-db-1',
        region: 'us-east-1',
        accountId: '111122223333',
      },
      correlation: {
        kind: 'alarm',
        value: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:prod-orders-db-high-connections',
      },
    });
    expect(alert?.occurredAt.toISOString()).toBe('2024-05-14T09:31:07.421Z');
  });

  it('lists metric, threshold in words (a leading > would be a Slack quote), reason and state change as facts', () => {
    const alert = parseCloudWatchAlarm(notificationOf(rdsAlarm));
    const facts = factsOf(alert!);
    expect(facts['Metric']).toBe('AWS/RDS DatabaseConnections (AVERAGE, 60 s × 5)');
    expect(facts['Threshold']).toBe('above 400');
    expect(facts['Reason']).toMatch(/^Threshold Crossed: 5 out of the last 5 datapoints/);
    expect(facts['State change']).toBe('OK → ALARM');
    expect(facts['Alarm']).toBe('prod-orders-db-high-connections');
  });

  it('says byte thresholds and datapoints in GiB/TiB, in the title, the facts and the reason', () => {
    const storage = variantOf(rdsAlarm, (m) => {
      const trigger = m['Trigger'] as Record<string, unknown>;
      trigger['MetricName'] = 'FreeStorageSpace';
      trigger['ComparisonOperator'] = 'LessThanThreshold';
      trigger['Threshold'] = 10737418240.0;
      m['AlarmDescription'] = null;
      m['NewStateReason'] =
        'Threshold Crossed: 2 out of the last 2 datapoints [9.663676416E9 (14/05/24 09:30:00), 1.0200547328E10 (14/05/24 09:29:00)] were less than the threshold (1.073741824E10) (minimum 2 datapoints for OK -> ALARM transition).';
    });
    const alert = parseCloudWatchAlarm(notificationOf(storage));
    expect(alert?.title).toBe('FreeStorageSpace < 10 GiB on prod-orders-db-1');
    expect(factsOf(alert!)['Threshold']).toBe('below 10 GiB');
    const reason =
      'Threshold Crossed: 2 out of the last 2 datapoints [9 GiB (14/05/24 09:30:00), 9.5 GiB (14/05/24 09:29:00)] were less than the threshold (10 GiB) (minimum 2 datapoints for OK -> ALARM transition).';
    expect(factsOf(alert!)['Reason']).toBe(reason);
    expect(alert?.detail).toBe(reason.replace('->', '-&gt;'));
  });

  it('says a latency threshold in seconds as milliseconds', () => {
    const latency = variantOf(rdsAlarm, (m) => {
      const trigger = m['Trigger'] as Record<string, unknown>;
      trigger['MetricName'] = 'WriteLatency';
      trigger['Threshold'] = 0.05;
    });
    expect(parseCloudWatchAlarm(notificationOf(latency))?.title).toBe(
      'WriteLatency > 50 ms on prod-orders-db-1',
    );
  });

  it('titles an OK transition as back to OK and an INSUFFICIENT_DATA one as such', () => {
    const ok = variantOf(rdsAlarm, (m) => {
      m['NewStateValue'] = 'OK';
      m['OldStateValue'] = 'ALARM';
    });
    const okAlert = parseCloudWatchAlarm(notificationOf(ok));
    expect(okAlert?.signalType).toBe('cloudwatch-alarm:OK');
    expect(okAlert?.title).toBe('DatabaseConnections on prod-orders-db-1 back to OK');
    const noData = variantOf(rdsAlarm, (m) => {
      m['NewStateValue'] = 'INSUFFICIENT_DATA';
    });
    const noDataAlert = parseCloudWatchAlarm(notificationOf(noData));
    expect(noDataAlert?.signalType).toBe('cloudwatch-alarm:INSUFFICIENT_DATA');
    expect(noDataAlert?.title).toBe('DatabaseConnections on prod-orders-db-1: insufficient data');
  });

  it('reads dimensions whatever their key order or casing', () => {
    const reordered = variantOf(rdsAlarm, (m) => {
      (m['Trigger'] as Record<string, unknown>)['Dimensions'] = [
        { name: 'DBInstanceIdentifier', value: 'prod-orders-db-1' },
      ];
    });
    const capitalised = variantOf(rdsAlarm, (m) => {
      (m['Trigger'] as Record<string, unknown>)['Dimensions'] = [
        { Name: 'DBInstanceIdentifier', Value: 'prod-orders-db-1' },
      ];
    });
    expect(parseCloudWatchAlarm(notificationOf(reordered))?.resource?.id).toBe('prod-orders-db-1');
    expect(parseCloudWatchAlarm(notificationOf(capitalised))?.resource?.id).toBe('prod-orders-db-1');
  });

  it('points a DBClusterIdentifier alarm at the cluster', () => {
    const cluster = variantOf(rdsAlarm, (m) => {
      (m['Trigger'] as Record<string, unknown>)['Dimensions'] = [
        { value: 'orders-cluster', name: 'DBClusterIdentifier' },
      ];
    });
    expect(parseCloudWatchAlarm(notificationOf(cluster))?.resource).toEqual({
      kind: 'rds-cluster',
      id: 'orders-cluster',
      arn: 'arn:aws:rds:us-east-1:111122223333:cluster:orders-cluster',
      region: 'us-east-1',
      accountId: '111122223333',
    });
  });

  it('accepts a null AlarmDescription and Unit, using the reason as detail', () => {
    const bare = variantOf(rdsAlarm, (m) => {
      m['AlarmDescription'] = null;
    });
    const alert = parseCloudWatchAlarm(notificationOf(bare));
    expect(alert?.detail).toMatch(/^Threshold Crossed/);
  });

  it("names the EC2 instance of AWS's metric-math example, and ignores placeholder ARNs", () => {
    const alert = parseCloudWatchAlarm(
      notificationOf(mathAlarm, { topicArn: 'arn:aws:sns:eu-west-1:444455556666:alarms' }),
    );
    expect(alert).toMatchObject({
      signalType: 'cloudwatch-alarm:ALARM',
      title: 'Expression1 > 0 on TestInstance',
      // AlarmArn holds REGION / ACCOUNT_NUMBER placeholders: the region comes from the topic.
      resource: { kind: 'ec2-instance', id: 'TestInstance', region: 'eu-west-1' },
      correlation: { kind: 'alarm', value: 'arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE' },
    });
    expect(alert?.resource?.accountId).toBeUndefined();
    expect(alert?.occurredAt.toISOString()).toBe('2015-06-03T17:43:27.123Z');
    expect(factsOf(alert!)['Metric']).toBe('Expression1: e1 = m1*1; m1: AWS/EC2 NetworkOut (Average)');
    expect(factsOf(alert!)['State change']).toBe('INSUFFICIENT_DATA → ALARM');
  });

  it('keeps the alarm as the resource when no dimension names one', () => {
    type MathEntry = { MetricStat?: { Metric: { Namespace: string } } };
    const custom = variantOf(mathAlarm, (m) => {
      const metrics = (m['Trigger'] as { Metrics: MathEntry[] }).Metrics;
      metrics[1]!.MetricStat!.Metric.Namespace = 'Checkout/Orders';
    });
    expect(parseCloudWatchAlarm(notificationOf(custom))).toMatchObject({
      title: 'Expression1 > 0 on EXAMPLE',
      resource: {
        kind: 'cloudwatch-alarm',
        id: 'EXAMPLE',
        arn: 'arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE',
      },
    });
  });

  it('points a metric-math alarm at a DB instance only when all its metrics agree', () => {
    const metricOn = (id: string) => ({
      Id: `m${id}`,
      MetricStat: {
        Metric: {
          Dimensions: [{ value: id, name: 'DBInstanceIdentifier' }],
          MetricName: 'ReadIOPS',
          Namespace: 'AWS/RDS',
        },
        Period: 60,
        Stat: 'Average',
      },
      ReturnData: false,
    });
    const withMetrics = (ids: string[]) =>
      variantOf(mathAlarm, (m) => {
        m['AlarmArn'] = 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:iops';
        (m['Trigger'] as Record<string, unknown>)['Metrics'] = [
          { Expression: 'ma+mb', Id: 'e1', Label: 'TotalIOPS', ReturnData: true },
          ...ids.map(metricOn),
        ];
      });
    const agreeing = parseCloudWatchAlarm(notificationOf(withMetrics(['orders-db', 'orders-db'])));
    expect(agreeing?.resource).toMatchObject({ kind: 'rds-instance', id: 'orders-db', region: 'us-east-1' });
    expect(agreeing?.title).toBe('TotalIOPS > 0 on orders-db');
    const disagreeing = parseCloudWatchAlarm(notificationOf(withMetrics(['orders-db', 'billing-db'])));
    expect(disagreeing?.resource?.kind).toBe('cloudwatch-alarm');
  });

  it('falls back to AWSAccountId and the topic region when the message has no AlarmArn', () => {
    const old = variantOf(rdsAlarm, (m) => {
      delete m['AlarmArn'];
    });
    const alert = parseCloudWatchAlarm(
      notificationOf(old, { topicArn: 'arn:aws:sns:eu-south-1:111122223333:t' }),
    );
    expect(alert?.resource).toMatchObject({ region: 'eu-south-1', accountId: '111122223333' });
    expect(alert?.correlation).toEqual({ kind: 'alarm', value: 'prod-orders-db-high-connections' });
  });

  it('parses +0000 offsets without a colon and falls back to the SNS time when StateChangeTime is unreadable', () => {
    const offset = variantOf(rdsAlarm, (m) => {
      m['StateChangeTime'] = '2024-05-14T11:31:07.421+0200';
    });
    expect(parseCloudWatchAlarm(notificationOf(offset))?.occurredAt.toISOString()).toBe(
      '2024-05-14T09:31:07.421Z',
    );
    const garbled = variantOf(rdsAlarm, (m) => {
      m['StateChangeTime'] = 'yesterday';
    });
    expect(parseCloudWatchAlarm(notificationOf(garbled))?.occurredAt.toISOString()).toBe(
      '2024-05-14T12:00:00.000Z',
    );
  });

  it('handles a composite alarm (no Trigger) by naming the alarm', () => {
    const composite = variantOf(rdsAlarm, (m) => {
      delete m['Trigger'];
      m['AlarmRule'] = 'ALARM(a) OR ALARM(b)';
    });
    const alert = parseCloudWatchAlarm(notificationOf(composite));
    expect(alert?.title).toBe('prod-orders-db-high-connections in ALARM');
    expect(alert?.resource?.kind).toBe('cloudwatch-alarm');
  });

  it('ignores JSON that is not an alarm and throws PARSE.INVALID for a broken one', () => {
    expect(parseCloudWatchAlarm(notificationOf({ hello: 'world' }))).toBeUndefined();
    expect(parseCloudWatchAlarm(notificationOf('Hello world!'))).toBeUndefined();
    const broken = variantOf(rdsAlarm, (m) => {
      m['NewStateValue'] = 'ON_FIRE';
    });
    expect(() => parseCloudWatchAlarm(notificationOf(broken))).toThrow(
      expect.objectContaining({
        code: 'PARSE.INVALID',
        userMessage: expect.stringMatching(/^Looked like a CloudWatch alarm but NewStateValue/),
      }),
    );
  });

  it('keeps the title within 150 characters', () => {
    const long = variantOf(rdsAlarm, (m) => {
      (m['Trigger'] as Record<string, unknown>)['Dimensions'] = [
        { name: 'DBInstanceIdentifier', value: 'x'.repeat(200) },
      ];
    });
    const title = parseCloudWatchAlarm(notificationOf(long))?.title ?? '';
    expect(title).toHaveLength(150);
    expect(title.endsWith('…')).toBe(true);
  });
});
