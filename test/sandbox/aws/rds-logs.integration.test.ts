import {
  DBLogFileNotFoundFault,
  DescribeDBLogFilesCommand,
  DownloadDBLogFilePortionCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { MAX_PORTION_BYTES } from '../../../sandbox/aws/services/rds/download-db-log-file-portion.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const line = (index: number) =>
  `2026-11-22 09:00:00 UTC::@:[${index}]:LOG:  checkpoint ${index} ${'x'.repeat(60)}`;

describe('RDS log files through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: RDSClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new RDSClient(sdkConfig(emulator));
    const rds = emulator.state.rds;
    rds.addInstance({ id: 'orders-db' });
    rds.addLogFile('orders-db', 'error/postgresql.log.2026-11-22-08', { content: 'old one\nold two\n' });
    for (let i = 0; i < 23; i++)
      rds.addLogFile('orders-db', `error/postgresql.log.2026-11-21-${i}`, { content: 'x\n' });
    rds.addLogFile('orders-db', 'error/postgresql.log.2026-11-22-09', { lines: 300_000, generator: line });
    rds.addLogFile('orders-db', 'error/huge-line.log', {
      lines: 2,
      generator: (i) => (i === 0 ? 'y'.repeat(2_000_000) : 'tail'),
    });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('lists log files with LastWritten (epoch ms) and Size, paged by Marker', async () => {
    const first = await client.send(
      new DescribeDBLogFilesCommand({ DBInstanceIdentifier: 'orders-db', MaxRecords: 20 }),
    );
    expect(first.DescribeDBLogFiles).toHaveLength(20);
    const rest = await client.send(
      new DescribeDBLogFilesCommand({
        DBInstanceIdentifier: 'orders-db',
        MaxRecords: 20,
        Marker: first.Marker,
      }),
    );
    expect(rest.Marker).toBeUndefined();
    const big = rest.DescribeDBLogFiles?.find(
      (file) => file.LogFileName === 'error/postgresql.log.2026-11-22-09',
    );
    expect(big?.Size).toBeGreaterThan(20_000_000);
    expect(big?.LastWritten).toBe(clock.now().getTime());
  });

  it('serves the last NumberOfLines lines without a Marker, reading nothing else', async () => {
    const file = emulator.state.rds.logFiles.get('orders-db', 'error/postgresql.log.2026-11-22-09');
    const out = await client.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: 'orders-db',
        LogFileName: 'error/postgresql.log.2026-11-22-09',
        NumberOfLines: 3,
      }),
    );
    expect(out.LogFileData).toBe(`${line(299_997)}\n${line(299_998)}\n${line(299_999)}\n`);
    expect(out.AdditionalDataPending).toBe(false);
    expect(file?.bytesServed).toBe(Buffer.byteLength(out.LogFileData ?? ''));
  });

  it('reads forward from Marker 0 in blocks, cut at 1 MB with AdditionalDataPending', async () => {
    const name = 'error/postgresql.log.2026-11-22-09';
    const first = await client.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: 'orders-db',
        LogFileName: name,
        Marker: '0',
        NumberOfLines: 2,
      }),
    );
    expect(first.LogFileData).toBe(`${line(0)}\n${line(1)}\n`);
    expect(first.AdditionalDataPending).toBe(true);
    const next = await client.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: 'orders-db',
        LogFileName: name,
        Marker: first.Marker,
        NumberOfLines: 1,
      }),
    );
    expect(next.LogFileData).toBe(`${line(2)}\n`);
    const big = await client.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: 'orders-db',
        LogFileName: name,
        NumberOfLines: 100_000,
      }),
    );
    expect(Buffer.byteLength(big.LogFileData ?? '')).toBeLessThanOrEqual(MAX_PORTION_BYTES);
    expect(big.AdditionalDataPending).toBe(true);
    expect(big.LogFileData?.startsWith(line(200_000))).toBe(true);
  });

  it('cuts a single line longer than 1 MB and marks it, as RDS does', async () => {
    const out = await client.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: 'orders-db',
        LogFileName: 'error/huge-line.log',
        NumberOfLines: 2,
      }),
    );
    expect(out.LogFileData?.endsWith(' [Your log message was truncated]\n')).toBe(true);
    expect(out.AdditionalDataPending).toBe(true);
  });

  it('answers an unknown file with DBLogFileNotFoundFault (404) and a bad Marker with InvalidParameterValue', async () => {
    const missing = await rejectionOf(
      client.send(
        new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: 'orders-db', LogFileName: 'nope.log' }),
      ),
    );
    expect(missing).toBeInstanceOf(DBLogFileNotFoundFault);
    expect(missing.$metadata).toMatchObject({ httpStatusCode: 404 });
    const marker = await rejectionOf(
      client.send(
        new DownloadDBLogFilePortionCommand({
          DBInstanceIdentifier: 'orders-db',
          LogFileName: 'error/huge-line.log',
          Marker: 'garbage',
        }),
      ),
    );
    expect(marker.name).toBe('InvalidParameterValue');
  });
});
