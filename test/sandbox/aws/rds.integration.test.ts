import {
  DBClusterNotFoundFault,
  DBInstanceNotFoundFault,
  DBSnapshotNotFoundFault,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  RebootDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

describe('RDS through the real SDK', () => {
  let emulator: AwsEmulator;
  let client: RDSClient;

  beforeAll(async () => {
    emulator = await startAwsEmulator();
    client = new RDSClient(sdkConfig(emulator));
    const rds = emulator.state.rds;
    rds.addCluster({ id: 'orders', members: [{ instanceId: 'orders-1' }] });
    rds.addInstance({ id: 'orders-1', engine: 'aurora-postgresql', clusterId: 'orders' });
    rds.addInstance({ id: 'billing', engine: 'mysql', multiAZ: true });
    for (let i = 0; i < 25; i++) rds.addInstance({ id: `bulk-${i}` });
    rds.addSnapshot({ id: 'billing-manual', instanceId: 'billing', public: true });
    rds.addSnapshot({ id: 'billing-shared', instanceId: 'billing', sharedWith: ['210987654321'] });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('describes one instance with AWS-shaped identifiers', async () => {
    const { DBInstances } = await client.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'billing' }),
    );
    expect(DBInstances).toHaveLength(1);
    expect(DBInstances?.[0]).toMatchObject({
      DBInstanceIdentifier: 'billing',
      Engine: 'mysql',
      MultiAZ: true,
      DBInstanceStatus: 'available',
      DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:billing',
      Endpoint: { Port: 3306 },
    });
    expect(DBInstances?.[0]?.DbiResourceId).toMatch(/^db-[0-9A-Z]{26}$/);
    // Multi-AZ: the primary's zone and the standby's.
    expect(DBInstances?.[0]).toMatchObject({
      AvailabilityZone: 'us-east-1a',
      SecondaryAvailabilityZone: 'us-east-1b',
    });
    expect(DBInstances?.[0]?.InstanceCreateTime).toBeInstanceOf(Date);
  });

  it('answers an unknown instance with DBInstanceNotFoundFault, Code DBInstanceNotFound, 404', async () => {
    const error = await rejectionOf(
      client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'missing-db' })),
    );
    expect(error).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(error.Code).toBe('DBInstanceNotFound');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
    expect(error.message).toBe('DBInstance missing-db not found.');
  });

  it('names no standby zone for a Single-AZ instance or an Aurora member', async () => {
    for (const id of ['bulk-0', 'orders-1']) {
      const { DBInstances } = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
      expect(DBInstances?.[0]?.AvailabilityZone).toBe('us-east-1a');
      expect(DBInstances?.[0]?.SecondaryAvailabilityZone).toBeUndefined();
    }
  });

  it('filters by engine and by cluster', async () => {
    const mysql = await client.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mysql'] }] }),
    );
    expect(mysql.DBInstances?.map((instance) => instance.DBInstanceIdentifier)).toEqual(['billing']);
    const members = await client.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['orders'] }] }),
    );
    expect(members.DBInstances?.map((instance) => instance.DBInstanceIdentifier)).toEqual(['orders-1']);
  });

  it('pages with Marker and MaxRecords', async () => {
    const first = await client.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
    expect(first.DBInstances).toHaveLength(20);
    expect(first.Marker).toBeDefined();
    const rest = await client.send(new DescribeDBInstancesCommand({ MaxRecords: 20, Marker: first.Marker }));
    expect(rest.DBInstances).toHaveLength(7);
    expect(rest.Marker).toBeUndefined();
  });

  it('enforces the documented MaxRecords range and identifier rules', async () => {
    const tooFew = await rejectionOf(client.send(new DescribeDBInstancesCommand({ MaxRecords: 10 })));
    expect(tooFew.name).toBe('InvalidParameterValue');
    expect(tooFew.message).toBe('Invalid value 10 for MaxRecords. Must be between 20 and 100');
    const badId = await rejectionOf(
      client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'bad--id' })),
    );
    expect(badId.name).toBe('InvalidParameterValue');
    expect(badId.message).toContain('The parameter DBInstanceIdentifier is not a valid identifier');
    const unknownFilter = await rejectionOf(
      client.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] })),
    );
    expect(unknownFilter.name).toBe('InvalidParameterValue');
  });

  it('describes clusters, and answers an unknown one with DBClusterNotFoundFault', async () => {
    const { DBClusters } = await client.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders' }),
    );
    expect(DBClusters?.[0]).toMatchObject({
      DBClusterIdentifier: 'orders',
      DBClusterMembers: [{ DBInstanceIdentifier: 'orders-1', IsClusterWriter: true }],
    });
    const error = await rejectionOf(
      client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })),
    );
    expect(error).toBeInstanceOf(DBClusterNotFoundFault);
    expect(error.Code).toBe('DBClusterNotFoundFault');
  });

  it('describes snapshots and their restore attribute (all when public)', async () => {
    const { DBSnapshots } = await client.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'billing' }),
    );
    expect(DBSnapshots?.map((snapshot) => snapshot.DBSnapshotIdentifier).sort()).toEqual([
      'billing-manual',
      'billing-shared',
    ]);
    const publicOnes = await client.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'public' }));
    expect(publicOnes.DBSnapshots?.map((snapshot) => snapshot.DBSnapshotIdentifier)).toEqual([
      'billing-manual',
    ]);
    const attributes = await client.send(
      new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: 'billing-manual' }),
    );
    expect(attributes.DBSnapshotAttributesResult?.DBSnapshotAttributes).toEqual([
      { AttributeName: 'restore', AttributeValues: ['all'] },
    ]);
    const shared = await client.send(
      new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: 'billing-shared' }),
    );
    expect(shared.DBSnapshotAttributesResult?.DBSnapshotAttributes?.[0]?.AttributeValues).toEqual([
      '210987654321',
    ]);
    const error = await rejectionOf(
      client.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'gone' })),
    );
    expect(error).toBeInstanceOf(DBSnapshotNotFoundFault);
    expect(error.Code).toBe('DBSnapshotNotFound');
  });

  it('validates operations it does not serve yet, then answers NotImplemented (501)', async () => {
    const missing = await rejectionOf(
      client.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: '9starts-with-digit' })),
    );
    expect(missing.name).toBe('InvalidParameterValue');
    const notServed = await rejectionOf(
      client.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'billing' })),
    );
    expect(notServed.name).toBe('NotImplemented');
    expect(notServed.$metadata).toMatchObject({ httpStatusCode: 501 });
  });
});
