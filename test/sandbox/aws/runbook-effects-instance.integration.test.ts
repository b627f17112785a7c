import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunbookBench, startRunbookBench } from './runbook-effects-client.ts';

/** What Automation appends to every failure message. */
const GUIDE = 'Please refer to Automation Service Troubleshooting Guide for more diagnosis details.';

let bench: RunbookBench;
beforeEach(async () => {
  bench = await startRunbookBench();
});
afterEach(async () => {
  await bench.close();
});

describe('instance runbooks change the emulated RDS as their steps run (real SSM and RDS clients)', () => {
  it('AWS-StopRdsInstance: stopping during StopInstance, stopped as WaitForStoppedState ends', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    const id = await bench.run('AWS-StopRdsInstance', { InstanceId: ['orders-db'] });
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
    bench.at(2);
    expect(await bench.progress(id)).toMatchObject({
      status: 'InProgress',
      steps: ['StopInstance:InProgress'],
    });
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('stopping');
    bench.at(125);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('stopping');
    expect((await bench.progress(id)).steps).toEqual([
      'StopInstance:Success',
      'WaitForStoppedState:InProgress',
    ]);
    bench.at(126);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('stopped');
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('AWS-StartRdsInstance: starting, then available when the wait ends', async () => {
    bench.seed.addInstance({ id: 'orders-db', status: 'stopped' });
    const id = await bench.run('AWS-StartRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(3);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('starting');
    bench.at(126);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('AWS-RebootRdsInstance: rebooting from RebootInstance, available as WaitForAvailableState ends', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    const id = await bench.run('AWS-RebootRdsInstance', { InstanceId: ['ORDERS-DB'] });
    bench.at(2);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
    bench.at(4);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('rebooting');
    bench.at(67);
    expect((await bench.progress(id)).status).toBe('InProgress');
    bench.at(68);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('a reboot cancelled mid-way still finishes in RDS, and a stop after it is refused while rebooting', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    const reboot = await bench.run('AWS-RebootRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(4);
    await bench.stop(reboot);
    const stop = await bench.run('AWS-StopRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(60);
    expect(await bench.progress(stop)).toMatchObject({
      status: 'Failed',
      steps: ['StopInstance:Failed'],
      failure: `Step fails when it is Executing. An error occurred (InvalidDBInstanceState) when calling the StopDBInstance operation: Instance orders-db is not in available state.. ${GUIDE}`,
    });
    expect((await bench.progress(reboot)).status).toBe('Cancelled');
    bench.at(68);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
  });

  it('AWS-CreateRdsSnapshot: a manual snapshot, creating until verifyRDSSnapshot ends', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    const id = await bench.run('AWS-CreateRdsSnapshot', { DBInstanceIdentifier: ['orders-db'] });
    bench.at(5);
    expect((await bench.snapshots('orders-db')).map((s) => [s.DBSnapshotIdentifier, s.Status])).toEqual([
      ['orders-db-2026-11-22-09-00-01', 'creating'],
    ]);
    bench.at(191);
    expect((await bench.snapshots('orders-db'))[0]).toMatchObject({
      Status: 'available',
      SnapshotType: 'manual',
    });
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('AWS-CreateEncryptedRdsSnapshot: leaves only the encrypted copy, with the KMS key', async () => {
    bench.seed.addInstance({ id: 'orders-db', storageEncrypted: false });
    const id = await bench.run('AWS-CreateEncryptedRdsSnapshot', {
      DBInstanceIdentifier: ['orders-db'],
      DBSnapshotIdentifier: ['orders-db-before-fix'],
      KmsKeyId: ['alias/aws/rds'],
    });
    bench.at(140);
    expect((await bench.snapshots('orders-db')).map((s) => [s.DBSnapshotIdentifier, s.Encrypted])).toEqual([
      ['orders-db-before-fix', false],
      ['orders-db-before-fix-encrypted', true],
    ]);
    bench.at(266);
    expect(await bench.snapshots('orders-db')).toEqual([
      expect.objectContaining({
        DBSnapshotIdentifier: 'orders-db-before-fix-encrypted',
        Encrypted: true,
        KmsKeyId: 'alias/aws/rds',
        Status: 'available',
      }),
    ]);
    expect((await bench.progress(id)).status).toBe('Success');
  });
});

describe('instance runbooks fail at the step RDS refuses, with its message, and change nothing', () => {
  it('stopping a stopped instance fails at StopInstance', async () => {
    bench.seed.addInstance({ id: 'orders-db', status: 'stopped' });
    const id = await bench.run('AWS-StopRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(300);
    expect(await bench.progress(id)).toEqual({
      status: 'Failed',
      steps: ['StopInstance:Failed'],
      failure: `Step fails when it is Executing. An error occurred (InvalidDBInstanceState) when calling the StopDBInstance operation: Instance orders-db is not in available state.. ${GUIDE}`,
    });
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('stopped');
  });

  it('stopping an Aurora member fails: Aurora instances are stopped with their cluster', async () => {
    bench.seed.addCluster({ id: 'orders-cluster' });
    bench.seed.addInstance({ id: 'orders-c1', engine: 'aurora-postgresql', clusterId: 'orders-cluster' });
    const id = await bench.run('AWS-StopRdsInstance', { InstanceId: ['orders-c1'] });
    bench.at(10);
    expect((await bench.progress(id)).failure).toContain(
      'An error occurred (InvalidParameterCombination) when calling the StopDBInstance operation: aurora-postgresql DB instances are not eligible for stopping and starting.',
    );
    expect((await bench.instance('orders-c1')).DBInstanceStatus).toBe('available');
  });

  it('starting an available instance fails at StartInstance', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    const id = await bench.run('AWS-StartRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(10);
    expect(await bench.progress(id)).toMatchObject({
      status: 'Failed',
      failure: expect.stringContaining(
        '(InvalidDBInstanceState) when calling the StartDBInstance operation: Instance orders-db is not stopped, it cannot be started.',
      ),
    });
  });

  it('rebooting an instance that does not exist fails at the first step that looks it up', async () => {
    const id = await bench.run('AWS-RebootRdsInstance', { InstanceId: ['no-such-db'] });
    bench.at(100);
    expect(await bench.progress(id)).toEqual({
      status: 'Failed',
      steps: ['AssertNotRebooting:Failed'],
      failure: `Step fails when it is Executing. An error occurred (DBInstanceNotFound) when calling the DescribeDBInstances operation: DBInstance no-such-db not found.. ${GUIDE}`,
    });
  });

  it('a snapshot name already taken fails createRDSSnapshot', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    bench.seed.addSnapshot({ id: 'orders-db-manual', instanceId: 'orders-db' });
    const id = await bench.run('AWS-CreateRdsSnapshot', {
      DBInstanceIdentifier: ['orders-db'],
      DBSnapshotIdentifier: ['orders-db-manual'],
    });
    bench.at(20);
    expect((await bench.progress(id)).failure).toContain(
      '(DBSnapshotAlreadyExists) when calling the CreateDBSnapshot operation: Cannot create the snapshot because a snapshot with the identifier orders-db-manual already exists.',
    );
  });

  it('a planned failure still wins over the effect of its step', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    bench.emulator.state.ssm.failNextExecution({
      documentName: 'AWS-StopRdsInstance',
      stepName: 'StopInstance',
      failureMessage: 'Access denied',
    });
    const id = await bench.run('AWS-StopRdsInstance', { InstanceId: ['orders-db'] });
    bench.at(10);
    expect((await bench.progress(id)).failure).toBe('Access denied');
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('available');
  });
});
