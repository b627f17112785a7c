import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunbookBench, startRunbookBench } from './runbook-effects-client.ts';

const ROLE = ['arn:aws:iam::123456789012:role/warroom-automation'];

let bench: RunbookBench;
beforeEach(async () => {
  bench = await startRunbookBench();
});
afterEach(async () => {
  await bench.close();
});

describe('remediation runbooks fix what /incident rds check flags (real SSM and RDS clients)', () => {
  it('DisablePublicAccessToRDSInstance: found by resource id, modifying, then not publicly accessible', async () => {
    const { DbiResourceId } = bench.seed.addInstance({ id: 'orders-db', publiclyAccessible: true });
    const id = await bench.run('AWSConfigRemediation-DisablePublicAccessToRDSInstance', {
      AutomationAssumeRole: ROLE,
      DbInstanceResourceId: [DbiResourceId ?? ''],
    });
    bench.at(4);
    expect(await bench.instance('orders-db')).toMatchObject({
      DBInstanceStatus: 'modifying',
      PubliclyAccessible: true,
    });
    bench.at(38);
    expect(await bench.instance('orders-db')).toMatchObject({
      DBInstanceStatus: 'available',
      PubliclyAccessible: false,
    });
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('EnableRDSInstanceBackup with ApplyImmediately: the retention period is set', async () => {
    const { DbiResourceId } = bench.seed.addInstance({ id: 'orders-db', backupRetentionPeriod: 0 });
    const id = await bench.run('AWSConfigRemediation-EnableRDSInstanceBackup', {
      AutomationAssumeRole: ROLE,
      DbiResourceId: [DbiResourceId ?? ''],
      BackupRetentionPeriod: ['7'],
      PreferredBackupWindow: ['03:00-03:30'],
      ApplyImmediately: ['true'],
    });
    bench.at(6);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('modifying');
    bench.at(40);
    expect(await bench.instance('orders-db')).toMatchObject({
      DBInstanceStatus: 'available',
      BackupRetentionPeriod: 7,
      PreferredBackupWindow: '03:00-03:30',
    });
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('EnableRDSInstanceBackup without ApplyImmediately: turning backups on waits for the maintenance window', async () => {
    const { DbiResourceId } = bench.seed.addInstance({ id: 'orders-db', backupRetentionPeriod: 0 });
    const id = await bench.run('AWSConfigRemediation-EnableRDSInstanceBackup', {
      AutomationAssumeRole: ROLE,
      DbiResourceId: [DbiResourceId ?? ''],
      BackupRetentionPeriod: ['7'],
    });
    bench.at(40);
    expect(await bench.instance('orders-db')).toMatchObject({
      DBInstanceStatus: 'available',
      BackupRetentionPeriod: 0,
      PendingModifiedValues: { BackupRetentionPeriod: 7 },
    });
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('EnableMultiAZOnRDSInstance: Multi-AZ now with ApplyImmediately, pending without', async () => {
    const now = bench.seed.addInstance({ id: 'orders-db' });
    const later = bench.seed.addInstance({ id: 'billing-db' });
    const runNow = await bench.run('AWSConfigRemediation-EnableMultiAZOnRDSInstance', {
      AutomationAssumeRole: ROLE,
      DbiResourceId: [now.DbiResourceId ?? ''],
      ApplyImmediately: ['true'],
    });
    const runLater = await bench.run('AWSConfigRemediation-EnableMultiAZOnRDSInstance', {
      AutomationAssumeRole: ROLE,
      DbiResourceId: [later.DbiResourceId ?? ''],
    });
    bench.at(5);
    expect((await bench.instance('orders-db')).DBInstanceStatus).toBe('modifying');
    bench.at(68);
    expect(await bench.instance('orders-db')).toMatchObject({
      MultiAZ: true,
      DBInstanceStatus: 'available',
      SecondaryAvailabilityZone: 'us-east-1b',
    });
    const pending = await bench.instance('billing-db');
    expect(pending).toMatchObject({ MultiAZ: false, PendingModifiedValues: { MultiAZ: true } });
    expect(pending.SecondaryAvailabilityZone).toBeUndefined();
    expect((await bench.progress(runNow)).status).toBe('Success');
    expect((await bench.progress(runLater)).status).toBe('Success');
  });

  it('EnableRDSInstanceDeletionProtection: on at ModifyDBInstance, without a modifying status', async () => {
    const { DbiResourceId } = bench.seed.addInstance({ id: 'orders-db', deletionProtection: false });
    const id = await bench.run('AWSConfigRemediation-EnableRDSInstanceDeletionProtection', {
      AutomationAssumeRole: ROLE,
      DbInstanceResourceId: [DbiResourceId ?? ''],
    });
    bench.at(4);
    expect(await bench.instance('orders-db')).toMatchObject({
      DeletionProtection: true,
      DBInstanceStatus: 'available',
    });
    bench.at(18);
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('ModifyRDSSnapshotPermission Private=Yes: `all` leaves the restore attribute, shared accounts stay', async () => {
    bench.seed.addInstance({ id: 'orders-db' });
    bench.seed.addSnapshot({
      id: 'orders-db-export',
      instanceId: 'orders-db',
      public: true,
      encrypted: false,
      sharedWith: ['210987654321'],
    });
    expect(await bench.restoreAttribute('orders-db-export')).toEqual(['all', '210987654321']);
    const id = await bench.run('AWSSupport-ModifyRDSSnapshotPermission', {
      SnapshotIdentifiers: ['orders-db-export'],
      Private: ['Yes'],
    });
    bench.at(3);
    expect(await bench.restoreAttribute('orders-db-export')).toEqual(['210987654321']);
    bench.at(7);
    expect((await bench.progress(id)).status).toBe('Success');
  });

  it('AWS-StartStopAuroraCluster: the run ends while the cluster is stopping; stopped later, members too', async () => {
    bench.seed.addCluster({ id: 'orders-cluster', members: [{ instanceId: 'orders-c1' }] });
    bench.seed.addInstance({ id: 'orders-c1', engine: 'aurora-postgresql', clusterId: 'orders-cluster' });
    const id = await bench.run('AWS-StartStopAuroraCluster', {
      ClusterName: ['orders-cluster'],
      Action: ['Stop'],
    });
    bench.at(11);
    expect((await bench.progress(id)).status).toBe('Success');
    expect((await bench.cluster('orders-cluster')).Status).toBe('stopping');
    bench.at(121);
    expect((await bench.cluster('orders-cluster')).Status).toBe('stopped');
    expect((await bench.instance('orders-c1')).DBInstanceStatus).toBe('stopped');
  });
});

describe('remediation runbooks fail where AWS would, with its message', () => {
  it('a resource id no instance has fails the first step', async () => {
    const id = await bench.run('AWSConfigRemediation-DisablePublicAccessToRDSInstance', {
      AutomationAssumeRole: ROLE,
      DbInstanceResourceId: ['db-NOSUCHINSTANCE'],
    });
    bench.at(60);
    expect(await bench.progress(id)).toMatchObject({
      status: 'Failed',
      steps: ['GetRDSInstanceIdentifier:Failed'],
      failure: expect.stringContaining(
        'DescribeDBInstances returned no DB instance with DbiResourceId db-NOSUCHINSTANCE.',
      ),
    });
  });

  it('a stopped instance cannot be modified: backups fail at VerifyDBInstanceStatus', async () => {
    const { DbiResourceId } = bench.seed.addInstance({
      id: 'orders-db',
      status: 'stopped',
      backupRetentionPeriod: 0,
    });
    const id = await bench.run('AWSConfigRemediation-EnableRDSInstanceBackup', {
      AutomationAssumeRole: ROLE,
      DbiResourceId: [DbiResourceId ?? ''],
      BackupRetentionPeriod: ['7'],
    });
    bench.at(60);
    expect(await bench.progress(id)).toMatchObject({
      status: 'Failed',
      steps: ['GetRDSInstanceIdentifier:Success', 'VerifyDBInstanceStatus:Failed'],
      failure: expect.stringContaining(
        "Property value 'stopped' from the API output is not in the desired values. Desired values: ['available'].",
      ),
    });
    expect((await bench.instance('orders-db')).BackupRetentionPeriod).toBe(0);
  });

  it('a snapshot that does not exist fails ModifySnapshotPermission with DBSnapshotNotFound', async () => {
    const id = await bench.run('AWSSupport-ModifyRDSSnapshotPermission', {
      SnapshotIdentifiers: ['gone-snapshot'],
      Private: ['Yes'],
    });
    bench.at(10);
    expect((await bench.progress(id)).failure).toContain(
      '(DBSnapshotNotFound) when calling the ModifyDBSnapshotAttribute operation: DBSnapshot gone-snapshot not found.',
    );
  });

  it('starting a cluster that is available fails with InvalidDBClusterStateFault', async () => {
    bench.seed.addCluster({ id: 'orders-cluster' });
    const id = await bench.run('AWS-StartStopAuroraCluster', {
      ClusterName: ['orders-cluster'],
      Action: ['Start'],
    });
    bench.at(20);
    expect((await bench.progress(id)).failure).toContain(
      '(InvalidDBClusterStateFault) when calling the StartDBCluster operation: DbCluster orders-cluster is in available state but expected it to be one of stopped.',
    );
    expect((await bench.cluster('orders-cluster')).Status).toBe('available');
  });
});
