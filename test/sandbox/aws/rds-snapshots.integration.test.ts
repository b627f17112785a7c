import {
  CreateDBClusterSnapshotCommand,
  CreateDBSnapshotCommand,
  DBSnapshotAlreadyExistsFault,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  DescribePendingMaintenanceActionsCommand,
  InvalidDBInstanceStateFault,
  RDSClient,
  ResourceNotFoundFault,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

describe('RDS snapshots and pending maintenance through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: RDSClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new RDSClient(sdkConfig(emulator));
    const rds = emulator.state.rds;
    rds.addInstance({ id: 'orders-db', storageEncrypted: false });
    rds.addInstance({ id: 'rebooting-db', status: 'rebooting' });
    rds.addCluster({ id: 'orders-cluster', members: [{ instanceId: 'orders-cluster-1' }] });
    rds.addPendingMaintenance('orders-db', {
      action: 'system-update',
      description: 'New Operating System update is available',
      autoAppliedAfter: new Date('2026-12-01T00:00:00Z'),
    });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('creates a manual snapshot that is creating, then available as the clock advances', async () => {
    const created = await client.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'orders-db',
        DBSnapshotIdentifier: 'Warroom-INC-1-x',
      }),
    );
    expect(created.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'warroom-inc-1-x',
      Status: 'creating',
      SnapshotType: 'manual',
      Encrypted: false,
    });
    clock.advance(30_000);
    const half = await client.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'warroom-inc-1-x' }),
    );
    expect(half.DBSnapshots?.[0]).toMatchObject({ Status: 'creating', PercentProgress: 50 });
    clock.advance(30_000);
    const done = await client.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'warroom-inc-1-x' }),
    );
    expect(done.DBSnapshots?.[0]).toMatchObject({ Status: 'available', PercentProgress: 100 });
  });

  it('refuses a taken name, a bad identifier and a DB that is not available', async () => {
    const taken = await rejectionOf(
      client.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'orders-db',
          DBSnapshotIdentifier: 'warroom-inc-1-X',
        }),
      ),
    );
    expect(taken).toBeInstanceOf(DBSnapshotAlreadyExistsFault);
    for (const bad of ['1-starts-with-digit', 'double--hyphen', 'trailing-', 'has_underscore']) {
      const error = await rejectionOf(
        client.send(
          new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'orders-db', DBSnapshotIdentifier: bad }),
        ),
      );
      expect(error.name).toBe('InvalidParameterValue');
    }
    const busy = await rejectionOf(
      client.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'rebooting-db', DBSnapshotIdentifier: 'busy' }),
      ),
    );
    expect(busy).toBeInstanceOf(InvalidDBInstanceStateFault);
  });

  it('creates a cluster snapshot (at most 63 characters) that becomes available', async () => {
    const long = await rejectionOf(
      client.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'orders-cluster',
          DBClusterSnapshotIdentifier: `a${'b'.repeat(63)}`,
        }),
      ),
    );
    expect(long.name).toBe('InvalidParameterValue');
    await client.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'orders-cluster',
        DBClusterSnapshotIdentifier: 'c-snap',
      }),
    );
    clock.advance(60_000);
    const out = await client.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'c-snap' }),
    );
    expect(out.DBClusterSnapshots?.[0]).toMatchObject({
      Status: 'available',
      DBClusterIdentifier: 'orders-cluster',
    });
  });

  it('describes pending maintenance by resource ARN, and refuses an unknown ARN', async () => {
    const arn = emulator.state.rds.instances.get('orders-db')?.DBInstanceArn;
    const out = await client.send(new DescribePendingMaintenanceActionsCommand({ ResourceIdentifier: arn }));
    expect(out.PendingMaintenanceActions).toEqual([
      {
        ResourceIdentifier: arn,
        PendingMaintenanceActionDetails: [
          expect.objectContaining({
            Action: 'system-update',
            AutoAppliedAfterDate: new Date('2026-12-01T00:00:00Z'),
          }),
        ],
      },
    ]);
    const none = await client.send(
      new DescribePendingMaintenanceActionsCommand({
        ResourceIdentifier: emulator.state.rds.clusters.get('orders-cluster')?.DBClusterArn,
      }),
    );
    expect(none.PendingMaintenanceActions).toEqual([]);
    const unknown = await rejectionOf(
      client.send(
        new DescribePendingMaintenanceActionsCommand({
          ResourceIdentifier: 'arn:aws:rds:us-east-1:123456789012:db:nope',
        }),
      ),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundFault);
  });
});
