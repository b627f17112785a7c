import { Writable } from 'node:stream';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { createCloudWatchClient } from '../../src/aws/cloudwatch-client.ts';
import { CloudWatchGateway } from '../../src/aws/cloudwatch-gateway.ts';
import { ManualClock } from '../../src/clock.ts';
import { createLogger } from '../../src/logger.ts';
import { readFreeStorage } from '../../src/rds/rds-free-storage.ts';
import { GiB, type StorageMetric } from '../../src/rds/storage-metrics.ts';
import { sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

const NOW = new Date('2026-11-22T10:00:20Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const ORDERS: StorageMetric = { name: 'FreeStorageSpace', subject: { kind: 'instance', id: 'orders-db' } };
const QUIET: StorageMetric = { name: 'FreeStorageSpace', subject: { kind: 'instance', id: 'quiet-db' } };
const VOLUME: StorageMetric = {
  name: 'AuroraVolumeBytesLeftTotal',
  subject: { kind: 'cluster', id: 'payments-aurora' },
};

describe('free storage through CloudWatch GetMetricData (real SDK client against the emulator)', () => {
  let emulator: AwsEmulator;
  let client: CloudWatchClient;
  let gateway: CloudWatchGateway;
  const clock = new ManualClock(NOW);
  const logLines: string[] = [];
  const logger = createLogger({
    destination: new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  });
  const deps = () => ({ metricValues: gateway, clock, logger });

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = createCloudWatchClient(sdkConfig(emulator));
    gateway = new CloudWatchGateway(client);
    emulator.state.cloudwatch.putMetricValues(
      'AWS/RDS',
      'FreeStorageSpace',
      { DBInstanceIdentifier: 'orders-db' },
      [
        { at: minutesAgo(3), value: 15 * GiB },
        { at: minutesAgo(1), value: 12.3 * GiB },
        // Older than the 15-minute window: never the answer.
        { at: minutesAgo(40), value: 1 * GiB },
      ],
      'Bytes',
    );
    emulator.state.cloudwatch.publishEveryMinute(
      'AWS/RDS',
      'AuroraVolumeBytesLeftTotal',
      { DBClusterIdentifier: 'payments-aurora' },
      [{ from: minutesAgo(120), value: 900 * GiB }],
      'Bytes',
    );
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('reads the newest value of every metric in one call: last 15 minutes, 60 s, Minimum, Bytes', async () => {
    const before = emulator.requestsTo('cloudwatch', 'GetMetricData').length;
    const findings = await readFreeStorage(deps(), [ORDERS, QUIET, VOLUME]);
    expect(findings.map((finding) => finding.reading)).toEqual([
      { kind: 'value', bytes: 12.3 * GiB, at: new Date('2026-11-22T09:59:00Z') },
      { kind: 'no-datapoints' },
      { kind: 'value', bytes: 900 * GiB, at: new Date('2026-11-22T10:00:00Z') },
    ]);
    const calls = emulator.requestsTo('cloudwatch', 'GetMetricData').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toEqual({
      MetricDataQueries: [
        expect.objectContaining({
          Id: 'm0',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/RDS',
              MetricName: 'FreeStorageSpace',
              Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'orders-db' }],
            },
            Period: 60,
            Stat: 'Minimum',
            Unit: 'Bytes',
          },
        }),
        expect.objectContaining({ Id: 'm1' }),
        expect.objectContaining({
          Id: 'm2',
          MetricStat: expect.objectContaining({
            Metric: expect.objectContaining({
              MetricName: 'AuroraVolumeBytesLeftTotal',
              Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'payments-aurora' }],
            }),
          }),
        }),
      ],
      StartTime: minutesAgo(15),
      EndTime: NOW,
      ScanBy: 'TimestampDescending',
    });
  });

  it('says in plain words why nothing was read when the role may not call GetMetricData', async () => {
    emulator.failNext('cloudwatch', 'GetMetricData', { code: 'AccessDenied', status: 403 });
    const findings = await readFreeStorage(deps(), [ORDERS, VOLUME]);
    expect(findings.map((finding) => finding.reading)).toEqual([
      { kind: 'not-read', reason: "warroom's role lacks `cloudwatch:GetMetricData`" },
      { kind: 'not-read', reason: "warroom's role lacks `cloudwatch:GetMetricData`" },
    ]);
    expect(logLines.join('')).toContain('CloudWatch GetMetricData: AccessDenied, HTTP 403');
  });

  it('names throttling, and other failures in the gateway’s words', async () => {
    emulator.failNext('cloudwatch', 'GetMetricData', { code: 'Throttling', status: 400 });
    expect((await readFreeStorage(deps(), [ORDERS]))[0]?.reading).toEqual({
      kind: 'not-read',
      reason: 'CloudWatch is throttling warroom; ask again in a minute',
    });
    emulator.failNext('cloudwatch', 'GetMetricData', { code: 'InternalServiceError', status: 500 });
    expect((await readFreeStorage(deps(), [ORDERS]))[0]?.reading).toEqual({
      kind: 'not-read',
      reason: 'The call to CloudWatch failed; try again in a moment',
    });
  });

  it('rejects with a coded BotError from the gateway itself, and asks nothing for no metrics', async () => {
    emulator.failNext('cloudwatch', 'GetMetricData', { code: 'AccessDeniedException', status: 403 });
    await expect(
      gateway.latestValues(
        [
          {
            namespace: 'AWS/RDS',
            name: 'FreeStorageSpace',
            dimensions: {},
            stat: 'Minimum',
            periodSeconds: 60,
          },
        ],
        { start: minutesAgo(15), end: NOW },
      ),
    ).rejects.toMatchObject({ code: 'AWS.ACCESS_DENIED', message: expect.stringContaining('GetMetricData') });
    const before = emulator.requestsTo('cloudwatch').length;
    expect(await gateway.latestValues([], { start: minutesAgo(15), end: NOW })).toEqual([]);
    expect(emulator.requestsTo('cloudwatch').length).toBe(before);
  });
});
