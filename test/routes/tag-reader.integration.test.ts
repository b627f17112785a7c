import { RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { createCloudWatchClient } from '../../src/aws/cloudwatch-client.ts';
import { createResourceTagsGateway, useOwnClients } from '../../src/aws/resource-tags-gateway.ts';
import { ManualClock } from '../../src/clock.ts';
import { createTagReader, type TagReader } from '../../src/routes/index.ts';
import { sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

const ACCOUNT = '123456789012';
const ORDERS_ARN = `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-db`;

/** The tag reader with the real RDS and CloudWatch clients against the local AWS emulator. */
describe('reading tags for routes (real SDK clients, local AWS emulator)', () => {
  let emulator: AwsEmulator;
  let rds: RDSClient;
  let cloudwatch: ReturnType<typeof createCloudWatchClient>;
  let clock: ManualClock;
  let reader: TagReader;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ accountId: ACCOUNT });
    rds = new RDSClient(sdkConfig(emulator));
    cloudwatch = createCloudWatchClient(sdkConfig(emulator));
    emulator.state.rds.addInstance({ id: 'orders-db', tags: { team: 'checkout', env: 'prod' } });
    emulator.state.rds.addInstance({ id: 'scratch-db' });
    emulator.state.rds.addCluster({ id: 'payments-aurora', tags: { team: 'payments' } });
    emulator.state.cloudwatch.alarms.add({ name: 'orders-db-cpu-high', tags: { team: 'checkout' } });
  });
  afterAll(async () => {
    rds.destroy();
    cloudwatch.destroy();
    await emulator.close();
  });
  beforeEach(() => {
    clock = new ManualClock();
    reader = createTagReader({
      tags: createResourceTagsGateway(useOwnClients({ rds, cloudwatch })),
      clock,
      timeoutMs: 200,
    });
  });

  const calls = (service: 'rds' | 'cloudwatch') => emulator.requestsTo(service, 'ListTagsForResource').length;

  it("reads a DB instance's tags by the ARN its signal carries", async () => {
    const tags = await reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn: ORDERS_ARN });
    expect(tags).toEqual({ state: 'read', tags: { team: 'checkout', env: 'prod' } });
    expect(emulator.requestsTo('rds', 'ListTagsForResource').at(-1)?.input).toMatchObject({
      ResourceName: ORDERS_ARN,
    });
  });

  it("reads a cluster's tags by the ARN built from its id, Region and account", async () => {
    const tags = await reader.readTags({
      kind: 'rds-cluster',
      id: 'payments-aurora',
      region: 'us-east-1',
      accountId: ACCOUNT,
    });
    expect(tags).toEqual({ state: 'read', tags: { team: 'payments' } });
  });

  it("reads an alarm's own tags from CloudWatch", async () => {
    const tags = await reader.readTags({
      kind: 'cloudwatch-alarm',
      id: 'orders-db-cpu-high',
      arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:orders-db-cpu-high`,
    });
    expect(tags).toEqual({ state: 'read', tags: { team: 'checkout' } });
  });

  it('reads a database without tags as read, with no tags', async () => {
    const tags = await reader.readTags({
      kind: 'rds-instance',
      id: 'scratch-db',
      region: 'us-east-1',
      accountId: ACCOUNT,
    });
    expect(tags).toEqual({ state: 'read', tags: {} });
  });

  it('makes no call for a signal about no taggable resource', async () => {
    const before = calls('rds') + calls('cloudwatch');
    expect(await reader.readTags(undefined)).toEqual({ state: 'none' });
    expect(
      await reader.readTags({ kind: 'ec2-instance', id: 'i-0abc', region: 'us-east-1', accountId: ACCOUNT }),
    ).toEqual({
      state: 'none',
    });
    expect(calls('rds') + calls('cloudwatch')).toBe(before);
  });

  it('says RDS has no such database, and CloudWatch no such alarm', async () => {
    const db = await reader.readTags({
      kind: 'rds-instance',
      id: 'gone-db',
      region: 'us-east-1',
      accountId: ACCOUNT,
    });
    expect(db).toEqual({
      state: 'failed',
      reason: `DBInstanceNotFoundFault: RDS has no arn:aws:rds:us-east-1:${ACCOUNT}:db:gone-db`,
    });
    const alarm = await reader.readTags({
      kind: 'cloudwatch-alarm',
      id: 'gone',
      arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:gone`,
    });
    expect(alarm).toEqual({
      state: 'failed',
      reason: `ResourceNotFoundException: CloudWatch has no arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:gone`,
    });
  });

  it("names the missing permission and the ARN when warroom's role is refused", async () => {
    emulator.failNext('rds', 'ListTagsForResource', { code: 'AccessDenied', status: 403 });
    const tags = await reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn: ORDERS_ARN });
    expect(tags).toEqual({
      state: 'failed',
      reason: `AccessDenied: warroom's role may not rds:ListTagsForResource on ${ORDERS_ARN}`,
    });
  });

  it('reports a throttle, keeps it 30 seconds without calling again, then reads the tags', async () => {
    emulator.failNext('cloudwatch', 'ListTagsForResource', { code: 'Throttling', status: 400 });
    const alarm = {
      kind: 'cloudwatch-alarm' as const,
      id: 'orders-db-cpu-high',
      arn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:orders-db-cpu-high`,
    };
    expect(await reader.readTags(alarm)).toEqual({
      state: 'failed',
      reason:
        'throttled: AWS is throttling cloudwatch:ListTagsForResource (Throttling); warroom reads them again in 30 s',
    });
    const before = calls('cloudwatch');
    clock.advance(29_000);
    expect((await reader.readTags(alarm)).state).toBe('failed');
    expect(calls('cloudwatch')).toBe(before);
    clock.advance(1_000);
    expect(await reader.readTags(alarm)).toEqual({ state: 'read', tags: { team: 'checkout' } });
    expect(calls('cloudwatch')).toBe(before + 1);
  });

  it('says RDS refuses an ARN of another Region than its client, as long as tags are read with one Region', async () => {
    const arn = `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-db`;
    const tags = await reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn });
    expect(tags).toEqual({
      state: 'failed',
      reason: `InvalidParameterValue: RDS refused rds:ListTagsForResource on ${arn}: The specified resource name does not match an RDS resource in this region.`,
    });
  });

  it('makes one call for fifty signals about one database arriving together', async () => {
    const before = calls('rds');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn: ORDERS_ARN }),
      ),
    );
    expect(calls('rds')).toBe(before + 1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(
      new Set([JSON.stringify({ state: 'read', tags: { team: 'checkout', env: 'prod' } })]),
    );
  });

  it('reads a database once whatever case its signals spell its identifier in', async () => {
    const before = calls('rds');
    const upper = await reader.readTags({
      kind: 'rds-instance',
      id: 'ORDERS-DB',
      region: 'us-east-1',
      accountId: ACCOUNT,
    });
    const lower = await reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn: ORDERS_ARN });
    expect(upper).toEqual(lower);
    expect(lower.state).toBe('read');
    expect(calls('rds')).toBe(before + 1);
  });

  it('gives up on a read AWS does not answer in time and says so', async () => {
    emulator.delay('rds', 'ListTagsForResource', 1_000);
    try {
      const tags = await reader.readTags({ kind: 'rds-instance', id: 'orders-db', arn: ORDERS_ARN });
      expect(tags).toEqual({
        state: 'failed',
        reason: `rds:ListTagsForResource on ${ORDERS_ARN} did not answer within 0.2 s`,
      });
    } finally {
      emulator.delay('rds', 'ListTagsForResource', 0);
    }
  });
});
