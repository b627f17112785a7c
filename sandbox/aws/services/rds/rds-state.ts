import { randomBytes } from 'node:crypto';
import type {
  DBCluster,
  DBClusterSnapshot,
  DBInstance,
  DBSnapshot,
  PendingMaintenanceAction,
} from '@aws-sdk/client-rds';
import type { Clock } from '../../../../src/clock.ts';
import { type LogFileRecord, type LogFileSeed, RdsLogFiles } from './rds-log-files.ts';
import { ScheduledRdsChanges } from './scheduled-rds-changes.ts';

export interface InstanceSeed {
  id: string;
  engine?: string;
  engineVersion?: string;
  instanceClass?: string;
  /** DBInstanceStatus, a free string in RDS: available, rebooting, stopped, … */
  status?: string;
  clusterId?: string;
  multiAZ?: boolean;
  publiclyAccessible?: boolean;
  storageEncrypted?: boolean;
  backupRetentionPeriod?: number;
  availabilityZone?: string;
  port?: number;
  deletionProtection?: boolean;
  iamDatabaseAuthentication?: boolean;
  /** GiB; default 100. */
  allocatedStorage?: number;
  storageType?: string;
  /** Tags ListTagsForResource answers for the instance's ARN. */
  tags?: Readonly<Record<string, string>>;
}

export interface ClusterSeed {
  id: string;
  engine?: string;
  engineVersion?: string;
  status?: string;
  multiAZ?: boolean;
  storageEncrypted?: boolean;
  deletionProtection?: boolean;
  iamDatabaseAuthentication?: boolean;
  backupRetentionPeriod?: number;
  /** Member instances; the first is the writer unless `writer` says otherwise. */
  members?: Array<{ instanceId: string; writer?: boolean }>;
  /** Tags ListTagsForResource answers for the cluster's ARN. */
  tags?: Readonly<Record<string, string>>;
}

export interface SnapshotSeed {
  id: string;
  instanceId: string;
  public?: boolean;
  encrypted?: boolean;
  /** `manual` (default) or `automated`; automated ids conventionally start with `rds:`. */
  type?: 'manual' | 'automated';
  /** Account ids the snapshot is shared with (its `restore` attribute). */
  sharedWith?: string[];
  status?: string;
  /** While before this time the snapshot reads as `creating` (see snapshot-progress.ts). */
  availableAt?: Date;
}

export interface SnapshotRecord {
  snapshot: DBSnapshot;
  restoreAccounts: string[];
  public: boolean;
  availableAt?: Date;
}

export interface ClusterSnapshotRecord {
  snapshot: DBClusterSnapshot;
  availableAt?: Date;
}

export interface MaintenanceSeed {
  action: string;
  description?: string;
  autoAppliedAfter?: Date;
  forcedApplyDate?: Date;
  optInStatus?: string;
}

const tagList = (tags: Readonly<Record<string, string>> = {}) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** RDS instances, clusters and snapshots, keyed by lower-case identifier (RDS stores them so). */
export class RdsState {
  readonly instances = new Map<string, DBInstance>();
  readonly clusters = new Map<string, DBCluster>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly clusterSnapshots = new Map<string, ClusterSnapshotRecord>();
  readonly logFiles = new RdsLogFiles();
  /** Pending maintenance per resource ARN (instance or cluster). */
  readonly pendingMaintenance = new Map<string, PendingMaintenanceAction[]>();
  /** How long a snapshot created through the API stays `creating`, in clock time. */
  snapshotCreationMs = 60_000;
  /** How long a stop, start or modification takes when no runbook step waits for it to finish. */
  transitionMs = 120_000;
  /** Changes in flight (`stopping` → `stopped`), applied by `settle()`. */
  readonly scheduled = new ScheduledRdsChanges();
  private settler?: () => void;

  constructor(private readonly env: { accountId: string; region: string; clock: Clock }) {}

  /** The Region the emulated RDS is in (its zones are `<region>a`, `<region>b`, …). */
  get region(): string {
    return this.env.region;
  }

  /**
   * Brings the state up to the clock: changes in flight and, once SSM has taken over settling, the
   * effects of running runbooks, in time order. Every RDS handler calls it before it reads; a test
   * reading `instances` directly calls it first.
   */
  settle(): void {
    if (this.settler) this.settler();
    else this.scheduled.applyDue(this.env.clock.now());
  }

  /** Lets SSM settle instead, so runbook steps and RDS's own changes interleave by time. */
  settleWith(settler: () => void): void {
    this.settler = settler;
  }

  private arn(kind: string, id: string): string {
    return `arn:aws:rds:${this.env.region}:${this.env.accountId}:${kind}:${id}`;
  }

  private endpoint(id: string, infix = ''): string {
    return `${id}.${infix}${randomBytes(6).toString('hex')}.${this.env.region}.rds.amazonaws.com`;
  }

  addInstance(seed: InstanceSeed): DBInstance {
    const id = seed.id.toLowerCase();
    const engine = seed.engine ?? 'postgres';
    const zone = seed.availabilityZone ?? `${this.env.region}a`;
    const instance: DBInstance = {
      DBInstanceIdentifier: id,
      DBInstanceArn: this.arn('db', id),
      DbiResourceId: `db-${randomBytes(13).toString('hex').toUpperCase()}`,
      DBInstanceClass: seed.instanceClass ?? 'db.t3.medium',
      Engine: engine,
      EngineVersion: seed.engineVersion ?? (engine.includes('mysql') ? '8.0.39' : '16.4'),
      DBInstanceStatus: seed.status ?? 'available',
      Endpoint: {
        Address: this.endpoint(id),
        Port: seed.port ?? (engine.includes('mysql') ? 3306 : 5432),
        HostedZoneId: 'Z2R2ITUGPM61AM',
      },
      AvailabilityZone: zone,
      // A Multi-AZ instance deployment has its standby in another zone (an Aurora member has none).
      SecondaryAvailabilityZone: seed.multiAZ && !seed.clusterId ? standbyZoneFor(zone) : undefined,
      MultiAZ: seed.multiAZ ?? false,
      PubliclyAccessible: seed.publiclyAccessible ?? false,
      StorageEncrypted: seed.storageEncrypted ?? true,
      BackupRetentionPeriod: seed.backupRetentionPeriod ?? 7,
      DeletionProtection: seed.deletionProtection ?? false,
      IAMDatabaseAuthenticationEnabled: seed.iamDatabaseAuthentication ?? false,
      AllocatedStorage: seed.allocatedStorage ?? 100,
      StorageType: seed.storageType ?? 'gp3',
      InstanceCreateTime: this.env.clock.now(),
      DBClusterIdentifier: seed.clusterId?.toLowerCase(),
      TagList: tagList(seed.tags),
    };
    this.instances.set(id, instance);
    const cluster = seed.clusterId ? this.clusters.get(seed.clusterId.toLowerCase()) : undefined;
    if (cluster && !cluster.DBClusterMembers?.some((member) => member.DBInstanceIdentifier === id)) {
      const isFirst = (cluster.DBClusterMembers ?? []).length === 0;
      cluster.DBClusterMembers = [
        ...(cluster.DBClusterMembers ?? []),
        { DBInstanceIdentifier: id, IsClusterWriter: isFirst },
      ];
    }
    return instance;
  }

  addCluster(seed: ClusterSeed): DBCluster {
    const id = seed.id.toLowerCase();
    const members = seed.members ?? [];
    const hasWriter = members.some((member) => member.writer);
    const cluster: DBCluster = {
      DBClusterIdentifier: id,
      DBClusterArn: this.arn('cluster', id),
      DbClusterResourceId: `cluster-${randomBytes(13).toString('hex').toUpperCase()}`,
      Engine: seed.engine ?? 'aurora-postgresql',
      EngineVersion: seed.engineVersion ?? '16.4',
      Status: seed.status ?? 'available',
      Endpoint: this.endpoint(id, 'cluster-'),
      ReaderEndpoint: this.endpoint(id, 'cluster-ro-'),
      MultiAZ: seed.multiAZ ?? members.length > 1,
      StorageEncrypted: seed.storageEncrypted ?? true,
      DeletionProtection: seed.deletionProtection ?? false,
      IAMDatabaseAuthenticationEnabled: seed.iamDatabaseAuthentication ?? false,
      BackupRetentionPeriod: seed.backupRetentionPeriod ?? 7,
      Port: (seed.engine ?? 'aurora-postgresql').includes('mysql') ? 3306 : 5432,
      ClusterCreateTime: this.env.clock.now(),
      DBClusterMembers: members.map((member, index) => ({
        DBInstanceIdentifier: member.instanceId.toLowerCase(),
        IsClusterWriter: member.writer ?? (!hasWriter && index === 0),
      })),
      TagList: tagList(seed.tags),
    };
    this.clusters.set(id, cluster);
    return cluster;
  }

  addSnapshot(seed: SnapshotSeed): DBSnapshot {
    const id = seed.id.toLowerCase();
    const instance = this.instances.get(seed.instanceId.toLowerCase());
    const snapshot: DBSnapshot = {
      DBSnapshotIdentifier: id,
      DBSnapshotArn: this.arn('snapshot', id),
      DBInstanceIdentifier: seed.instanceId.toLowerCase(),
      DbiResourceId: instance?.DbiResourceId,
      Engine: instance?.Engine ?? 'postgres',
      EngineVersion: instance?.EngineVersion,
      SnapshotType: seed.type ?? 'manual',
      Status: seed.status ?? 'available',
      PercentProgress: 100,
      Encrypted: seed.encrypted ?? true,
      SnapshotCreateTime: this.env.clock.now(),
      AvailabilityZone: instance?.AvailabilityZone,
    };
    this.snapshots.set(id, {
      snapshot,
      restoreAccounts: seed.sharedWith ?? [],
      public: seed.public ?? false,
      availableAt: seed.availableAt,
    });
    return snapshot;
  }

  /** A log file of an instance; see LogFileSeed for a big one made on demand. */
  addLogFile(instanceId: string, name: string, seed: LogFileSeed = {}): LogFileRecord {
    return this.logFiles.add(instanceId, name, seed, this.env.clock.now());
  }

  /** Pending maintenance for an instance or cluster, by identifier. */
  addPendingMaintenance(resourceId: string, seed: MaintenanceSeed): void {
    const id = resourceId.toLowerCase();
    const arn = this.instances.get(id)?.DBInstanceArn ?? this.clusters.get(id)?.DBClusterArn;
    if (!arn) throw new Error(`no DB instance or cluster ${resourceId} to add maintenance to`);
    const action: PendingMaintenanceAction = {
      Action: seed.action,
      Description: seed.description,
      AutoAppliedAfterDate: seed.autoAppliedAfter,
      ForcedApplyDate: seed.forcedApplyDate,
      OptInStatus: seed.optInStatus ?? 'next-maintenance',
      CurrentApplyDate: seed.autoAppliedAfter ?? seed.forcedApplyDate,
    };
    this.pendingMaintenance.set(arn, [...(this.pendingMaintenance.get(arn) ?? []), action]);
  }
}

/** The zone a Multi-AZ standby is put in: the next of a, b, c after the primary's. */
export function standbyZoneFor(primary: string): string {
  const letter = primary.at(-1) ?? 'a';
  const next = { a: 'b', b: 'c', c: 'a' }[letter] ?? 'a';
  return `${primary.slice(0, -1)}${next}`;
}
