/**
 * What warroom knows about RDS resources, read by the RDS gateway from the SDK's shapes and
 * narrowed to what the /incident rds replies and the posture check use. Plain data: the pure
 * checks and builders take these, so they are tested without AWS.
 */

export interface DbEndpoint {
  address: string;
  port?: number;
}

export interface DbInstanceFacts {
  id: string;
  arn?: string;
  /** DbiResourceId (`db-…`), what the AWSConfigRemediation runbooks take. */
  resourceId?: string;
  /** Set when the instance is a member of an Aurora (or Multi-AZ DB) cluster. */
  clusterId?: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  status: string;
  multiAZ: boolean;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  /** 0 means automated backups are off. */
  backupRetentionDays: number;
  deletionProtection: boolean;
  iamAuth: boolean;
  allocatedStorageGiB?: number;
  storageType?: string;
  endpoint?: DbEndpoint;
  availabilityZone?: string;
}

export interface DbClusterMember {
  instanceId: string;
  writer: boolean;
}

export interface DbClusterFacts {
  id: string;
  arn?: string;
  engine: string;
  engineVersion: string;
  status: string;
  multiAZ: boolean;
  storageEncrypted: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  iamAuth: boolean;
  endpoint?: DbEndpoint;
  readerEndpoint?: DbEndpoint;
  members: DbClusterMember[];
}

export interface DbSnapshotFacts {
  id: string;
  arn?: string;
  /** The DB instance (or cluster, for a cluster snapshot) it was taken from. */
  sourceId?: string;
  /** manual, automated, shared, public, awsbackup. */
  type: string;
  /** creating, available, failed, … (a free string in RDS). */
  status: string;
  encrypted: boolean;
  percentProgress?: number;
  createdAt?: Date;
}

/** A snapshot with its `restore` attribute: the accounts that may restore it, `all` when public. */
export interface SnapshotExposure {
  snapshot: DbSnapshotFacts;
  restoreAccounts: string[];
}

export interface PendingMaintenance {
  /** e.g. system-update, db-upgrade, hardware-maintenance. */
  action: string;
  description?: string;
  autoAppliedAfter?: Date;
  forcedApplyDate?: Date;
  currentApplyDate?: Date;
  optInStatus?: string;
}

export interface LogFileFacts {
  name: string;
  lastWritten: Date;
  size: number;
}

/** One DownloadDBLogFilePortion answer. */
export interface LogPortion {
  data: string;
  /** Where the next portion starts; opaque. */
  marker?: string;
  /** True when the file has more data after `marker`. */
  pending: boolean;
}
