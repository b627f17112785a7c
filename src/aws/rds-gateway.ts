import {
  CreateDBClusterSnapshotCommand,
  CreateDBSnapshotCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBLogFilesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  DescribePendingMaintenanceActionsCommand,
  DownloadDBLogFilePortionCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { BotError } from '../errors.ts';
import type { LogPortion, SnapshotExposure } from '../rds/index.ts';
import { callRds, callRdsPages } from './rds-call.ts';
import {
  toClusterFacts,
  toClusterSnapshotFacts,
  toInstanceFacts,
  toLogFile,
  toPendingMaintenance,
  toSnapshotFacts,
} from './rds-facts-mapping.ts';
import type { RdsPort } from './rds-port.ts';

/** How many ids one filtered DescribeDBInstances names (its page holds at most 100 instances). */
const IDS_PER_CALL = 100;

/** RDS over the one RDSClient built in aws-clients.ts; every SDK error becomes a coded BotError. */
export class RdsGateway implements RdsPort {
  constructor(private readonly client: RDSClient) {}

  async describeInstance(id: string) {
    const out = await callRds(this.client, 'DescribeDBInstances', (c) =>
      c.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })),
    );
    return toInstanceFacts(first(out.DBInstances, `DB instance ${id}`));
  }

  async describeCluster(id: string) {
    const out = await callRds(this.client, 'DescribeDBClusters', (c) =>
      c.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id })),
    );
    return toClusterFacts(first(out.DBClusters, `DB cluster ${id}`));
  }

  async listClusterInstances(clusterId: string) {
    const filter = [{ Name: 'db-cluster-id', Values: [clusterId] }];
    const instances = await callRdsPages(this.client, 'DescribeDBInstances', async (c, Marker) => {
      const out = await c.send(new DescribeDBInstancesCommand({ Filters: filter, Marker }));
      return { items: out.DBInstances ?? [], marker: out.Marker };
    });
    return instances.map(toInstanceFacts);
  }

  async describeInstances(ids: readonly string[]) {
    const instances = [];
    // One filtered call per page-full of ids: a storm of 300 databases costs 3 calls, not 300.
    for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
      const filter = [{ Name: 'db-instance-id', Values: ids.slice(start, start + IDS_PER_CALL) }];
      const found = await callRdsPages(this.client, 'DescribeDBInstances', async (c, Marker) => {
        const out = await c.send(new DescribeDBInstancesCommand({ Filters: filter, Marker }));
        return { items: out.DBInstances ?? [], marker: out.Marker };
      });
      instances.push(...found.map(toInstanceFacts));
    }
    return instances;
  }

  async listManualSnapshots(instanceId: string): Promise<SnapshotExposure[]> {
    const snapshots = await callRdsPages(this.client, 'DescribeDBSnapshots', async (c, Marker) => {
      const input = { DBInstanceIdentifier: instanceId, SnapshotType: 'manual', Marker };
      const out = await c.send(new DescribeDBSnapshotsCommand(input));
      return { items: out.DBSnapshots ?? [], marker: out.Marker };
    });
    const exposures: SnapshotExposure[] = [];
    // One at a time: an account with many snapshots must not burst RDS's API rate.
    for (const snapshot of snapshots.map(toSnapshotFacts)) {
      exposures.push({ snapshot, restoreAccounts: await this.restoreAccounts(snapshot.id) });
    }
    return exposures;
  }

  async describeSnapshotExposure(snapshotId: string): Promise<SnapshotExposure> {
    const snapshot = await this.describeSnapshot(snapshotId);
    return { snapshot, restoreAccounts: await this.restoreAccounts(snapshot.id) };
  }

  async describeSnapshot(snapshotId: string) {
    const out = await callRds(this.client, 'DescribeDBSnapshots', (c) =>
      c.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotId })),
    );
    return toSnapshotFacts(first(out.DBSnapshots, `DB snapshot ${snapshotId}`));
  }

  async describeClusterSnapshot(snapshotId: string) {
    const out = await callRds(this.client, 'DescribeDBClusterSnapshots', (c) =>
      c.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: snapshotId })),
    );
    return toClusterSnapshotFacts(first(out.DBClusterSnapshots, `DB cluster snapshot ${snapshotId}`));
  }

  async pendingMaintenance(resourceArn: string) {
    const resources = await callRdsPages(
      this.client,
      'DescribePendingMaintenanceActions',
      async (c, Marker) => {
        const input = { ResourceIdentifier: resourceArn, Marker };
        const out = await c.send(new DescribePendingMaintenanceActionsCommand(input));
        return { items: out.PendingMaintenanceActions ?? [], marker: out.Marker };
      },
    );
    return resources
      .flatMap((resource) => resource.PendingMaintenanceActionDetails ?? [])
      .map(toPendingMaintenance);
  }

  async listLogFiles(instanceId: string) {
    const files = await callRdsPages(this.client, 'DescribeDBLogFiles', async (c, Marker) => {
      const out = await c.send(new DescribeDBLogFilesCommand({ DBInstanceIdentifier: instanceId, Marker }));
      return { items: out.DescribeDBLogFiles ?? [], marker: out.Marker };
    });
    return files.map(toLogFile);
  }

  async downloadLogPortion(
    instanceId: string,
    fileName: string,
    request: { lines: number; marker?: string },
  ): Promise<LogPortion> {
    const out = await callRds(this.client, 'DownloadDBLogFilePortion', (c) =>
      c.send(
        new DownloadDBLogFilePortionCommand({
          DBInstanceIdentifier: instanceId,
          LogFileName: fileName,
          NumberOfLines: request.lines,
          Marker: request.marker,
        }),
      ),
    );
    return { data: out.LogFileData ?? '', marker: out.Marker, pending: out.AdditionalDataPending ?? false };
  }

  async createSnapshot(instanceId: string, snapshotId: string) {
    const out = await callRds(this.client, 'CreateDBSnapshot', (c) =>
      c.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: instanceId, DBSnapshotIdentifier: snapshotId }),
      ),
    );
    if (!out.DBSnapshot) throw missing('CreateDBSnapshot');
    return toSnapshotFacts(out.DBSnapshot);
  }

  async createClusterSnapshot(clusterId: string, snapshotId: string) {
    const input = { DBClusterIdentifier: clusterId, DBClusterSnapshotIdentifier: snapshotId };
    const out = await callRds(this.client, 'CreateDBClusterSnapshot', (c) =>
      c.send(new CreateDBClusterSnapshotCommand(input)),
    );
    if (!out.DBClusterSnapshot) throw missing('CreateDBClusterSnapshot');
    return toClusterSnapshotFacts(out.DBClusterSnapshot);
  }

  private async restoreAccounts(snapshotId: string): Promise<string[]> {
    const out = await callRds(this.client, 'DescribeDBSnapshotAttributes', (c) =>
      c.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshotId })),
    );
    const attributes = out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
    return attributes.find((attribute) => attribute.AttributeName === 'restore')?.AttributeValues ?? [];
  }
}

function first<T>(items: T[] | undefined, what: string): T {
  const item = items?.[0];
  if (item) return item;
  throw new BotError('AWS.NOT_FOUND', `RDS could not find ${what}.`);
}

function missing(operation: string): BotError {
  return new BotError('AWS.FAILED', 'RDS returned an answer warroom cannot read.', {
    detail: `${operation} answered without the snapshot`,
  });
}
