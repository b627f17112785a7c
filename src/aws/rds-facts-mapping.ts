import type {
  DBCluster,
  DBClusterSnapshot,
  DBInstance,
  DBSnapshot,
  DescribeDBLogFilesDetails,
  PendingMaintenanceAction,
} from '@aws-sdk/client-rds';
import { BotError } from '../errors.ts';
import type {
  DbClusterFacts,
  DbInstanceFacts,
  DbSnapshotFacts,
  LogFileFacts,
  PendingMaintenance,
} from '../rds/index.ts';

/** The SDK marks every member optional; an answer without its identifier is one warroom cannot use. */
function required(value: string | undefined, what: string): string {
  if (value) return value;
  throw new BotError('AWS.FAILED', 'RDS returned an answer warroom cannot read.', {
    detail: `RDS answer without ${what}`,
  });
}

export function toInstanceFacts(instance: DBInstance): DbInstanceFacts {
  const address = instance.Endpoint?.Address;
  return {
    id: required(instance.DBInstanceIdentifier, 'DBInstanceIdentifier'),
    arn: instance.DBInstanceArn,
    resourceId: instance.DbiResourceId,
    clusterId: instance.DBClusterIdentifier,
    engine: instance.Engine ?? 'unknown',
    engineVersion: instance.EngineVersion ?? '',
    instanceClass: instance.DBInstanceClass ?? 'unknown',
    status: instance.DBInstanceStatus ?? 'unknown',
    multiAZ: instance.MultiAZ ?? false,
    publiclyAccessible: instance.PubliclyAccessible ?? false,
    storageEncrypted: instance.StorageEncrypted ?? false,
    backupRetentionDays: instance.BackupRetentionPeriod ?? 0,
    deletionProtection: instance.DeletionProtection ?? false,
    iamAuth: instance.IAMDatabaseAuthenticationEnabled ?? false,
    allocatedStorageGiB: instance.AllocatedStorage,
    storageType: instance.StorageType,
    endpoint: address ? { address, port: instance.Endpoint?.Port } : undefined,
    availabilityZone: instance.AvailabilityZone,
  };
}

export function toClusterFacts(cluster: DBCluster): DbClusterFacts {
  const endpoint = (address: string | undefined) => (address ? { address, port: cluster.Port } : undefined);
  return {
    id: required(cluster.DBClusterIdentifier, 'DBClusterIdentifier'),
    arn: cluster.DBClusterArn,
    engine: cluster.Engine ?? 'unknown',
    engineVersion: cluster.EngineVersion ?? '',
    status: cluster.Status ?? 'unknown',
    multiAZ: cluster.MultiAZ ?? false,
    storageEncrypted: cluster.StorageEncrypted ?? false,
    backupRetentionDays: cluster.BackupRetentionPeriod ?? 0,
    deletionProtection: cluster.DeletionProtection ?? false,
    iamAuth: cluster.IAMDatabaseAuthenticationEnabled ?? false,
    endpoint: endpoint(cluster.Endpoint),
    readerEndpoint: endpoint(cluster.ReaderEndpoint),
    members: (cluster.DBClusterMembers ?? []).flatMap((member) =>
      member.DBInstanceIdentifier
        ? [{ instanceId: member.DBInstanceIdentifier, writer: member.IsClusterWriter ?? false }]
        : [],
    ),
  };
}

export function toSnapshotFacts(snapshot: DBSnapshot): DbSnapshotFacts {
  return {
    id: required(snapshot.DBSnapshotIdentifier, 'DBSnapshotIdentifier'),
    arn: snapshot.DBSnapshotArn,
    sourceId: snapshot.DBInstanceIdentifier,
    type: snapshot.SnapshotType ?? 'unknown',
    status: snapshot.Status ?? 'unknown',
    encrypted: snapshot.Encrypted ?? false,
    percentProgress: snapshot.PercentProgress,
    createdAt: snapshot.SnapshotCreateTime,
  };
}

export function toClusterSnapshotFacts(snapshot: DBClusterSnapshot): DbSnapshotFacts {
  return {
    id: required(snapshot.DBClusterSnapshotIdentifier, 'DBClusterSnapshotIdentifier'),
    arn: snapshot.DBClusterSnapshotArn,
    sourceId: snapshot.DBClusterIdentifier,
    type: snapshot.SnapshotType ?? 'unknown',
    status: snapshot.Status ?? 'unknown',
    encrypted: snapshot.StorageEncrypted ?? false,
    percentProgress: snapshot.PercentProgress,
    createdAt: snapshot.SnapshotCreateTime,
  };
}

export function toPendingMaintenance(action: PendingMaintenanceAction): PendingMaintenance {
  return {
    action: action.Action ?? 'unknown',
    description: action.Description,
    autoAppliedAfter: action.AutoAppliedAfterDate,
    forcedApplyDate: action.ForcedApplyDate,
    currentApplyDate: action.CurrentApplyDate,
    optInStatus: action.OptInStatus,
  };
}

export function toLogFile(details: DescribeDBLogFilesDetails): LogFileFacts {
  return {
    name: required(details.LogFileName, 'LogFileName'),
    lastWritten: new Date(details.LastWritten ?? 0),
    size: details.Size ?? 0,
  };
}
