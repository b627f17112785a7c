import {
  InvalidParameterValueException,
  ListTagsForResourceCommand as ListAlarmTags,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch';
import { ListTagsForResourceCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { SANDBOX_ACCOUNT_ID, SANDBOX_REGION, seedSandboxAccount } from '../../../sandbox/sandbox-account.ts';
import { createCloudWatchClient } from '../../../src/aws/cloudwatch-client.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const ACCOUNT = '123456789012';

/** ListTagsForResource in the emulator: refused where RDS and CloudWatch refuse it. */
describe('ListTagsForResource (emulator, real SDK clients)', () => {
  let emulator: AwsEmulator;
  let rds: RDSClient;
  let cloudwatch: ReturnType<typeof createCloudWatchClient>;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ accountId: ACCOUNT });
    rds = new RDSClient(sdkConfig(emulator));
    cloudwatch = createCloudWatchClient(sdkConfig(emulator));
    emulator.state.rds.addInstance({ id: 'orders-db', tags: { team: 'checkout' } });
    emulator.state.rds.addCluster({ id: 'payments-aurora', tags: { team: 'payments' } });
    emulator.state.cloudwatch.alarms.add({ name: 'cpu high', tags: { team: 'checkout' } });
  });
  afterAll(async () => {
    rds.destroy();
    cloudwatch.destroy();
    await emulator.close();
  });

  const listRds = (ResourceName: string, client = rds) =>
    client.send(new ListTagsForResourceCommand({ ResourceName }));

  it('lists the tags of an instance and a cluster by ARN, whatever the case of the identifier', async () => {
    const instance = await listRds(`arn:aws:rds:us-east-1:${ACCOUNT}:db:Orders-DB`);
    expect(instance.TagList).toEqual([{ Key: 'team', Value: 'checkout' }]);
    const cluster = await listRds(`arn:aws:rds:us-east-1:${ACCOUNT}:cluster:payments-aurora`);
    expect(cluster.TagList).toEqual([{ Key: 'team', Value: 'payments' }]);
  });

  it('refuses a bare identifier: RDS takes only an ARN', async () => {
    const error = await rejectionOf(listRds('orders-db'));
    expect(error).toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Invalid resource name: orders-db',
    });
  });

  it("refuses an ARN of another Region or account as RDS does, and an instance's id under the cluster type", async () => {
    for (const arn of [
      `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-db`,
      'arn:aws:rds:us-east-1:210987654321:db:orders-db',
      `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-endpoint:payments-ro`,
    ]) {
      const error = await rejectionOf(listRds(arn));
      expect(error).toMatchObject({
        name: 'InvalidParameterValue',
        message: 'The specified resource name does not match an RDS resource in this region.',
      });
    }
    const wrongType = await rejectionOf(listRds(`arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders-db`));
    expect(wrongType).toMatchObject({
      name: 'DBClusterNotFoundFault',
      message: 'DBCluster orders-db not found.',
    });
  });

  it('does not find a us-east-1 database through a client and ARN of eu-west-1', async () => {
    const west = new RDSClient(sdkConfig(emulator, 'eu-west-1'));
    try {
      const error = await rejectionOf(listRds(`arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-db`, west));
      expect(error).toMatchObject({
        name: 'DBInstanceNotFoundFault',
        message: 'DBInstance orders-db not found.',
      });
    } finally {
      west.destroy();
    }
  });

  it("lists an alarm's tags by its ARN, the name running to the end", async () => {
    const output = await cloudwatch.send(
      new ListAlarmTags({ ResourceARN: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:cpu high` }),
    );
    expect(output.Tags).toEqual([{ Key: 'team', Value: 'checkout' }]);
  });

  it('answers ResourceNotFoundException for an alarm the account or Region does not hold', async () => {
    for (const arn of [
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:cpu low`,
      `arn:aws:cloudwatch:us-east-1:210987654321:alarm:cpu high`,
      `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:cpu high`,
    ]) {
      const error = await rejectionOf(cloudwatch.send(new ListAlarmTags({ ResourceARN: arn })));
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
    }
  });

  it('refuses a string that is not a CloudWatch ARN', async () => {
    const error = await rejectionOf(cloudwatch.send(new ListAlarmTags({ ResourceARN: 'cpu high' })));
    expect(error).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe('the sandbox account', () => {
  it('gives its databases a team tag that routes by tag can read', async () => {
    const emulator = await startAwsEmulator({ accountId: SANDBOX_ACCOUNT_ID, region: SANDBOX_REGION });
    const rds = new RDSClient(sdkConfig(emulator, SANDBOX_REGION));
    try {
      seedSandboxAccount(emulator);
      const arn = (type: string, id: string) =>
        `arn:aws:rds:${SANDBOX_REGION}:${SANDBOX_ACCOUNT_ID}:${type}:${id}`;
      const instance = await rds.send(
        new ListTagsForResourceCommand({ ResourceName: arn('db', 'orders-db') }),
      );
      expect(instance.TagList).toContainEqual({ Key: 'team', Value: 'checkout' });
      const cluster = await rds.send(
        new ListTagsForResourceCommand({ ResourceName: arn('cluster', 'payments-aurora') }),
      );
      expect(cluster.TagList).toContainEqual({ Key: 'team', Value: 'payments' });
    } finally {
      rds.destroy();
      await emulator.close();
    }
  });
});
