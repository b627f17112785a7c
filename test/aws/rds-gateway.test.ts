import { RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { RdsGateway } from '../../src/aws/rds-gateway.ts';
import { sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

describe('RdsGateway.describeInstances over the real SDK', () => {
  let emulator: AwsEmulator;
  let client: RDSClient;
  let gateway: RdsGateway;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new RDSClient(sdkConfig(emulator));
    gateway = new RdsGateway(client);
    for (let i = 0; i < 130; i++) {
      emulator.state.rds.addInstance({ id: `shard-${i}`, availabilityZone: `us-east-1${'abc'[i % 3]}` });
    }
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('reads many instances with one filtered call per 100 ids, each with its zone', async () => {
    const before = emulator.requestsTo('rds', 'DescribeDBInstances').length;
    const ids = Array.from({ length: 130 }, (_, i) => `shard-${i}`);
    const found = await gateway.describeInstances(ids);
    expect(found.map((instance) => instance.id).sort()).toEqual([...ids].sort());
    expect(found.find((instance) => instance.id === 'shard-4')?.availabilityZone).toBe('us-east-1b');
    expect(emulator.requestsTo('rds', 'DescribeDBInstances').length - before).toBe(2);
  });

  it('leaves out ids RDS does not know instead of failing', async () => {
    const found = await gateway.describeInstances(['shard-1', 'gone-db']);
    expect(found.map((instance) => [instance.id, instance.availabilityZone])).toEqual([
      ['shard-1', 'us-east-1b'],
    ]);
  });

  it('makes no call for no ids', async () => {
    const before = emulator.requestsTo('rds').length;
    expect(await gateway.describeInstances([])).toEqual([]);
    expect(emulator.requestsTo('rds')).toHaveLength(before);
  });
});
