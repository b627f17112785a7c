import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  InvalidNextToken,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { createCloudWatchClient } from '../../../src/aws/cloudwatch-client.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const NOW = new Date('2026-11-22T10:00:30Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const GiB = 1024 ** 3;

const freeStorage = (id: string, overrides: Partial<MetricDataQuery> = {}): MetricDataQuery => ({
  Id: 'free',
  MetricStat: {
    Metric: {
      Namespace: 'AWS/RDS',
      MetricName: 'FreeStorageSpace',
      Dimensions: [{ Name: 'DBInstanceIdentifier', Value: id }],
    },
    Period: 60,
    Stat: 'Minimum',
  },
  ...overrides,
});

const lastFifteenMinutes = (queries: MetricDataQuery[]): GetMetricDataCommandInput => ({
  MetricDataQueries: queries,
  StartTime: minutesAgo(15),
  EndTime: NOW,
});

describe('CloudWatch GetMetricData through the real SDK client (pinned awsJson 1.0)', () => {
  let emulator: AwsEmulator;
  let client: CloudWatchClient;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = createCloudWatchClient(sdkConfig(emulator));
    const metrics = emulator.state.cloudwatch;
    // Two values in the minute 09:58, one in 09:59, one older than the window.
    metrics.putMetricValues(
      'AWS/RDS',
      'FreeStorageSpace',
      { DBInstanceIdentifier: 'orders-db' },
      [
        { at: new Date('2026-11-22T09:58:10Z'), value: 14 * GiB },
        { at: new Date('2026-11-22T09:58:40Z'), value: 13 * GiB },
        { at: new Date('2026-11-22T09:59:20Z'), value: 12 * GiB },
        { at: new Date('2026-11-22T09:30:00Z'), value: 90 * GiB },
      ],
      'Bytes',
    );
    // A volume shrinking from 1.2 TiB to 0.8 TiB five minutes ago, published every minute.
    metrics.publishEveryMinute(
      'AWS/RDS',
      'AuroraVolumeBytesLeftTotal',
      { DBClusterIdentifier: 'payments-aurora' },
      [
        { from: minutesAgo(60), value: 1.2 * 1024 * GiB },
        { from: minutesAgo(5), value: 0.8 * 1024 * GiB },
        { from: new Date(NOW.getTime() + 10 * 60_000), value: 0.1 * 1024 * GiB },
      ],
      'Bytes',
    );
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('answers each period’s statistic, newest first, with epoch-second timestamps as Dates', async () => {
    const out = await client.send(new GetMetricDataCommand(lastFifteenMinutes([freeStorage('orders-db')])));
    expect(out.MetricDataResults).toEqual([
      {
        Id: 'free',
        Label: 'FreeStorageSpace',
        Timestamps: [new Date('2026-11-22T09:59:00Z'), new Date('2026-11-22T09:58:00Z')],
        Values: [12 * GiB, 13 * GiB],
        StatusCode: 'Complete',
        Messages: [],
      },
    ]);
    expect(emulator.requestsTo('cloudwatch', 'GetMetricData').at(-1)?.input).toMatchObject({
      StartTime: minutesAgo(15),
      EndTime: NOW,
    });
  });

  it('serves other statistics, oldest first with ScanBy TimestampAscending, and the query’s Label', async () => {
    const query = (Id: string, Stat: string): MetricDataQuery => ({
      ...freeStorage('orders-db', { Id, Label: `orders-db ${Stat}` }),
      MetricStat: { ...freeStorage('orders-db').MetricStat!, Stat, Period: 300 },
    });
    const out = await client.send(
      new GetMetricDataCommand({
        ...lastFifteenMinutes([query('max', 'Maximum'), query('count', 'SampleCount'), query('p50', 'p50')]),
        ScanBy: 'TimestampAscending',
      }),
    );
    // Periods of 5 minutes from 09:45:00 (StartTime 09:45:30 rounded down to the minute).
    expect(out.MetricDataResults?.map((result) => [result.Label, result.Timestamps, result.Values])).toEqual([
      ['orders-db Maximum', [new Date('2026-11-22T09:55:00Z')], [14 * GiB]],
      ['orders-db SampleCount', [new Date('2026-11-22T09:55:00Z')], [3]],
      ['orders-db p50', [new Date('2026-11-22T09:55:00Z')], [13 * GiB]],
    ]);
  });

  it('publishes a held level every minute up to the clock, the later level once its time has come', async () => {
    const volume: MetricDataQuery = {
      Id: 'volume',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/RDS',
          MetricName: 'AuroraVolumeBytesLeftTotal',
          Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'payments-aurora' }],
        },
        Period: 60,
        Stat: 'Minimum',
        Unit: 'Bytes',
      },
    };
    const [result] = (await client.send(new GetMetricDataCommand(lastFifteenMinutes([volume]))))
      .MetricDataResults!;
    // StartTime 09:45:30 rounds down to 09:45; 09:45 … 10:00 are published (now is 10:00:30), and
    // the level due at 10:10 is not there yet.
    expect(result?.Timestamps).toHaveLength(16);
    expect(result?.Timestamps?.[0]).toEqual(new Date('2026-11-22T10:00:00Z'));
    // The 0.8 TiB level began at 09:55:30: the minutes 09:56 … 10:00 carry it, 09:55 the level before.
    expect(result?.Values?.slice(0, 6)).toEqual([...Array(5).fill(0.8 * 1024 * GiB), 1.2 * 1024 * GiB]);
    expect(result?.Values?.at(-1)).toBe(1.2 * 1024 * GiB);
  });

  it('answers no datapoints for an unknown metric, other dimensions, another unit, and omits ReturnData false', async () => {
    const other = freeStorage('billing-db', { Id: 'other' });
    const wrongUnit = freeStorage('orders-db', { Id: 'kilobytes' });
    wrongUnit.MetricStat = { ...wrongUnit.MetricStat!, Unit: 'Kilobytes' };
    const hidden = freeStorage('orders-db', { Id: 'hidden', ReturnData: false });
    const out = await client.send(new GetMetricDataCommand(lastFifteenMinutes([other, wrongUnit, hidden])));
    expect(out.MetricDataResults?.map((result) => [result.Id, result.Values, result.StatusCode])).toEqual([
      ['other', [], 'Complete'],
      ['kilobytes', [], 'Complete'],
    ]);
  });

  describe('refusals, as CloudWatch answers them', () => {
    const refusal = async (input: GetMetricDataCommandInput) =>
      rejectionOf(client.send(new GetMetricDataCommand(input)));

    it.each([
      ['no queries', { MetricDataQueries: [] }, 'must contain between 1 and 500 members; it has 0'],
      [
        '501 queries',
        {
          MetricDataQueries: Array.from({ length: 501 }, (_, i) => freeStorage('orders-db', { Id: `q${i}` })),
        },
        'it has 501',
      ],
      [
        'an Id starting upper-case',
        { MetricDataQueries: [freeStorage('orders-db', { Id: 'Free' })] },
        'The value Free for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.',
      ],
      [
        'an Id with a dash',
        { MetricDataQueries: [freeStorage('orders-db', { Id: 'free-space' })] },
        'MetricDataQueries.member.1.Id is not matching',
      ],
      [
        'duplicate Ids',
        { MetricDataQueries: [freeStorage('orders-db'), freeStorage('billing-db')] },
        'The values for parameter id in MetricDataQueries are not unique.',
      ],
      [
        'StartTime equal to EndTime',
        { StartTime: NOW, EndTime: NOW },
        'The parameter StartTime must not equal parameter EndTime.',
      ],
      [
        'StartTime after EndTime',
        { StartTime: NOW, EndTime: minutesAgo(15) },
        'The parameter StartTime must be less than the parameter EndTime.',
      ],
      [
        'a Period of 90 s',
        {
          MetricDataQueries: [
            freeStorage('orders-db', { MetricStat: { ...freeStorage('x').MetricStat!, Period: 90 } }),
          ],
        },
        'The value 90 for parameter MetricDataQueries.member.1.MetricStat.Period is not valid',
      ],
      [
        'neither MetricStat nor Expression',
        { MetricDataQueries: [{ Id: 'empty' }] },
        'Exactly one of MetricStat and Expression must be set in MetricDataQueries.member.1.',
      ],
      [
        'a metric without a name',
        {
          MetricDataQueries: [
            freeStorage('orders-db', {
              MetricStat: { Metric: { Namespace: 'AWS/RDS' }, Period: 60, Stat: 'Minimum' },
            }),
          ],
        },
        'The parameter MetricDataQueries.member.1.MetricStat.Metric.MetricName is required.',
      ],
    ] as Array<[string, Partial<GetMetricDataCommandInput>, string]>)(
      'answers ValidationError (400) for %s',
      async (_, overrides, message) => {
        const error = await refusal({ ...lastFifteenMinutes([freeStorage('orders-db')]), ...overrides });
        // On the wire: __type ValidationError, x-amzn-query-error ValidationError;Sender. The SDK
        // keeps that as Code and names the unmodelled error ValidationException.
        expect(error).toMatchObject({ name: 'ValidationException', Code: 'ValidationError' });
        expect(error.message).toContain(message);
        expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
      },
    );

    it('answers the modelled InvalidNextToken for a token it never issued', async () => {
      const error = await refusal({ ...lastFifteenMinutes([freeStorage('orders-db')]), NextToken: 'page-2' });
      expect(error).toBeInstanceOf(InvalidNextToken);
      expect(error).toMatchObject({ Code: 'InvalidNextToken' });
    });

    it('answers NotImplemented (501) for metric math instead of a made-up series', async () => {
      const error = await refusal(lastFifteenMinutes([{ Id: 'sum', Expression: 'SUM(METRICS())' }]));
      expect(error.$metadata).toMatchObject({ httpStatusCode: 501 });
      expect(error.message).toContain('not served by the warroom AWS emulator');
    });
  });
});
