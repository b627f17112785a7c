import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  DescribeAutomationExecutionsCommand,
  GetAutomationExecutionCommand,
  SSMClient,
  StartAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

const ROLE = 'arn:aws:iam::210987654321:role/warroom';
const TOKEN = '6f1c1c52-6a53-4c39-9a1e-3f1a34c1b7d2';

describe('the emulator keeps Regions and accounts apart, through the real SDK', () => {
  const clock = new ManualClock(new Date('2026-12-07T10:00:00Z'));
  let emulator: AwsEmulator;
  let role: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    emulator.state.sts.addRole(ROLE);
    emulator.state.rds.addInstance({ id: 'orders-db' });
    emulator.inRegion('eu-west-1').rds.addInstance({ id: 'search-db' });
    const sts = new STSClient(sdkConfig(emulator));
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'warroom' }),
    );
    sts.destroy();
    role = {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken,
    };
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers RDS from the Region a call is signed for: each Region's databases, ARNs and zones", async () => {
    const west = new RDSClient(sdkConfig(emulator, 'eu-west-1'));
    const east = new RDSClient(sdkConfig(emulator));
    try {
      const { DBInstances } = await west.send(new DescribeDBInstancesCommand({}));
      expect(DBInstances?.map((db) => [db.DBInstanceIdentifier, db.AvailabilityZone])).toEqual([
        ['search-db', 'eu-west-1a'],
      ]);
      expect(DBInstances?.[0]?.DBInstanceArn).toBe('arn:aws:rds:eu-west-1:123456789012:db:search-db');
      const error = await rejectionOf(
        east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'search-db' })),
      );
      expect(error.name).toBe('DBInstanceNotFoundFault');
      expect(emulator.requestsTo('rds').map((call) => call.region)).toEqual(['eu-west-1', 'us-east-1']);
    } finally {
      west.destroy();
      east.destroy();
    }
  });

  it("runs an execution in the starting key's account: another account cannot see or reuse it", async () => {
    const asRole = new SSMClient({ ...sdkConfig(emulator, 'eu-west-1'), credentials: role });
    const asHome = new SSMClient(sdkConfig(emulator, 'eu-west-1'));
    try {
      const start = (client: SSMClient) =>
        client.send(
          new StartAutomationExecutionCommand({
            DocumentName: 'AWS-RebootRdsInstance',
            Parameters: { InstanceId: ['search-db'] },
            ClientToken: TOKEN,
          }),
        );
      const { AutomationExecutionId: id } = await start(asRole);
      expect([...emulator.inRegion('eu-west-1').ssm.executions.values()].map((run) => run.accountId)).toEqual(
        ['210987654321'],
      );
      const seen = await asRole.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }));
      expect(seen.AutomationExecution?.DocumentName).toBe('AWS-RebootRdsInstance');
      const hidden = await rejectionOf(
        asHome.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id })),
      );
      expect(hidden.name).toBe('AutomationExecutionNotFoundException');
      const listed = await asHome.send(new DescribeAutomationExecutionsCommand({}));
      expect(listed.AutomationExecutionMetadataList).toEqual([]);
      // The same ClientToken in another account is another account's run.
      const { AutomationExecutionId: other } = await start(asHome);
      expect(other).not.toBe(id);
    } finally {
      asRole.destroy();
      asHome.destroy();
    }
  });

  it('refuses an AutomationAssumeRole of another account than the one the run is in', async () => {
    const asRole = new SSMClient({ ...sdkConfig(emulator), credentials: role });
    try {
      const error = await rejectionOf(
        asRole.send(
          new StartAutomationExecutionCommand({
            DocumentName: 'AWS-RebootRdsInstance',
            Parameters: {
              InstanceId: ['orders-db'],
              AutomationAssumeRole: ['arn:aws:iam::123456789012:role/warroom-automation'],
            },
          }),
        ),
      );
      expect(error).toMatchObject({
        name: 'InvalidAutomationExecutionParametersException',
        message: 'The defined assume role is unable to be assumed.',
      });
    } finally {
      asRole.destroy();
    }
  });
});
