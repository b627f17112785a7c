import { RDSClient } from '@aws-sdk/client-rds';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../sandbox/aws/aws-emulator.ts';
import { AutomationGateway } from '../../src/aws/automation-gateway.ts';
import { RdsResourceGateway } from '../../src/aws/rds-resource-gateway.ts';
import { ManualClock } from '../../src/clock.ts';
import { runbookClientToken } from '../../src/runbooks/client-token.ts';
import { rejectionOf, sdkConfig } from '../sandbox/aws/sdk-test-config.ts';

describe('AutomationGateway and RdsResourceGateway against the emulator', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let ssm: SSMClient;
  let rds: RDSClient;
  let gateway: AutomationGateway;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    // Runbooks act on the emulated RDS: the instance they reboot must exist.
    emulator.state.rds.addInstance({ id: 'orders-db' });
    ssm = new SSMClient(sdkConfig(emulator));
    rds = new RDSClient(sdkConfig(emulator));
    gateway = new AutomationGateway(ssm);
  });
  afterAll(async () => {
    ssm.destroy();
    rds.destroy();
    await emulator.close();
  });

  it('describes a document: parameters with required-ness, and the steps from its content', async () => {
    const document = await gateway.describeDocument('AWSConfigRemediation-EnableRDSInstanceBackup');
    expect(document.parameters.find((parameter) => parameter.name === 'DbiResourceId')).toMatchObject({
      type: 'String',
      required: true,
    });
    expect(document.parameters.find((parameter) => parameter.name === 'ApplyImmediately')?.required).toBe(
      false,
    );
    expect(document.steps.map((step) => step.name)).toEqual([
      'GetRDSInstanceIdentifier',
      'VerifyDBInstanceStatus',
      'ModifyDBInstance',
      'VerifyDBInstanceModification',
    ]);
  });

  it('starts once per client token, follows the execution by the clock, and stops it', async () => {
    const input = {
      document: 'AWS-RebootRdsInstance',
      parameters: { InstanceId: ['orders-db'] },
      clientToken: runbookClientToken(1, 'reboot-instance', 'view:V1'),
    };
    const id = await gateway.start(input);
    expect(await gateway.start(input)).toBe(id);
    expect(await gateway.get(id)).toMatchObject({ status: 'Pending', steps: [] });
    clock.advance(4000);
    expect(await gateway.get(id)).toMatchObject({
      status: 'InProgress',
      steps: [
        { name: 'AssertNotRebooting', status: 'Success' },
        { name: 'RebootInstance', status: 'InProgress' },
      ],
    });
    await gateway.stop(id);
    expect((await gateway.get(id)).status).toBe('Cancelled');
    expect(await rejectionOf(gateway.stop(id))).toMatchObject({ code: 'AWS.CONFLICT' });
  });

  it('the emulator refuses what SSM would: a non-UUID ClientToken, an unknown parameter', async () => {
    const badToken = await rejectionOf(
      gateway.start({
        document: 'AWS-RebootRdsInstance',
        parameters: { InstanceId: ['x'] },
        clientToken: 'inc-1-reboot',
      }),
    );
    expect(badToken).toMatchObject({ code: 'AWS.VALIDATION' });
    const unknown = await rejectionOf(
      gateway.start({
        document: 'AWS-RebootRdsInstance',
        parameters: { DBInstanceIdentifier: ['x'] },
        clientToken: runbookClientToken(1, 'reboot-instance', 'view:V2'),
      }),
    );
    expect(unknown).toMatchObject({ code: 'AWS.VALIDATION' });
    expect(String((unknown.cause as Error).message)).toContain('DBInstanceIdentifier');
  });

  it('a start whose answer is lost on every attempt is AWS.UNCONFIRMED (it may run), never a plain failure', async () => {
    emulator.state.rds.addInstance({ id: 'lost-db' });
    emulator.loseAnswer('ssm', 'StartAutomationExecution', 'reset');
    const input = {
      document: 'AWS-RebootRdsInstance',
      parameters: { InstanceId: ['lost-db'] },
      clientToken: runbookClientToken(1, 'reboot-instance', 'view:V3'),
    };
    const lost = await rejectionOf(gateway.start(input));
    expect(lost).toMatchObject({ code: 'AWS.UNCONFIRMED' });
    expect(String(lost.message)).toContain('may be running');
    // It did start; asking with the same token answers its id and starts nothing more.
    const running = await gateway.listRunning('AWS-RebootRdsInstance');
    const found = running.find((execution) => execution.parameters['InstanceId']?.[0] === 'lost-db');
    expect(found).toMatchObject({ status: 'Pending', startedAt: clock.now() });
    expect(await gateway.start(input)).toBe(found?.executionId);
  });

  it('lists only unfinished executions of exactly the named document', async () => {
    expect((await gateway.listRunning('AWS-RebootRdsInstance')).length).toBeGreaterThan(0);
    // DescribeAutomationExecutions filters by prefix; the gateway keeps the exact name only.
    expect(await gateway.listRunning('AWS-Reboot')).toEqual([]);
    clock.advance(600_000);
    expect(await gateway.listRunning('AWS-RebootRdsInstance')).toEqual([]);
  });

  it("reads an instance's DbiResourceId and ARN, and a cluster's DbClusterResourceId", async () => {
    const instance = emulator.state.rds.addInstance({ id: 'orders-db' });
    const cluster = emulator.state.rds.addCluster({ id: 'orders' });
    const reader = new RdsResourceGateway(rds);
    expect(await reader.describe('rds-instance', 'orders-db')).toEqual({
      arn: instance.DBInstanceArn,
      resourceId: instance.DbiResourceId,
    });
    expect(await reader.describe('rds-cluster', 'orders')).toEqual({
      arn: cluster.DBClusterArn,
      resourceId: cluster.DbClusterResourceId,
    });
    expect(await rejectionOf(reader.describe('rds-instance', 'gone-db'))).toMatchObject({
      code: 'AWS.NOT_FOUND',
    });
  });
});
