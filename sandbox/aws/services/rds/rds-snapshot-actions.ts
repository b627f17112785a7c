import type { DBSnapshot } from '@aws-sdk/client-rds';
import { rdsModelledError, rdsNotFound } from './rds-errors.ts';
import { requireInstance } from './rds-instance-actions.ts';
import type { RdsState, SnapshotRecord } from './rds-state.ts';

/**
 * Manual DB snapshots as RDS makes and changes them: CreateDBSnapshot (also served as an API call),
 * and CopyDBSnapshot, DeleteDBSnapshot and ModifyDBSnapshotAttribute as the runbooks make them.
 * A snapshot reads as `creating` until `availableAt` (snapshot-progress.ts).
 */
export function requireSnapshot(rds: RdsState, identifier: string): SnapshotRecord {
  const record = rds.snapshots.get(identifier.toLowerCase());
  if (!record) throw rdsNotFound('DBSnapshotNotFound', `DBSnapshot ${identifier} not found.`);
  return record;
}

function refuseTakenName(rds: RdsState, id: string): void {
  if (rds.snapshots.has(id))
    throw rdsModelledError(
      'DBSnapshotAlreadyExists',
      `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
    );
}

/** CreateDBSnapshot of an available instance that is not an Aurora member. */
export function createManualSnapshot(
  rds: RdsState,
  instanceIdentifier: string,
  snapshotIdentifier: string,
  availableAt: Date,
): DBSnapshot {
  const instance = requireInstance(rds, instanceIdentifier);
  const id = snapshotIdentifier.toLowerCase();
  refuseTakenName(rds, id);
  if (instance.DBClusterIdentifier)
    throw rdsModelledError(
      'InvalidDBInstanceState',
      'The specified instance is a member of a cluster and a snapshot cannot be created directly. Please use the CreateDBClusterSnapshot API instead.',
    );
  if (instance.DBInstanceStatus !== 'available')
    throw rdsModelledError(
      'InvalidDBInstanceState',
      `Cannot create a snapshot because the database instance ${instance.DBInstanceIdentifier} is not currently in the available state.`,
    );
  return rds.addSnapshot({
    id,
    instanceId: instance.DBInstanceIdentifier ?? id,
    encrypted: instance.StorageEncrypted ?? false,
    availableAt,
  });
}

/** CopyDBSnapshot with a KMS key: an encrypted copy of an available snapshot. */
export function copySnapshotEncrypted(
  rds: RdsState,
  source: string,
  target: string,
  kmsKeyId: string,
  timing: { at: Date; availableAt: Date },
): DBSnapshot {
  const record = requireSnapshot(rds, source);
  const id = target.toLowerCase();
  refuseTakenName(rds, id);
  if (record.availableAt && record.availableAt > timing.at)
    throw rdsModelledError(
      'InvalidDBSnapshotState',
      `Snapshot ${record.snapshot.DBSnapshotIdentifier} is not in available state.`,
    );
  const copy = rds.addSnapshot({
    id,
    instanceId: record.snapshot.DBInstanceIdentifier ?? id,
    encrypted: true,
    availableAt: timing.availableAt,
  });
  copy.KmsKeyId = kmsKeyId;
  copy.SourceDBSnapshotIdentifier = record.snapshot.DBSnapshotArn;
  return copy;
}

export function deleteSnapshot(rds: RdsState, identifier: string): void {
  const record = requireSnapshot(rds, identifier);
  rds.snapshots.delete(record.snapshot.DBSnapshotIdentifier ?? identifier.toLowerCase());
}

/**
 * ModifyDBSnapshotAttribute on `restore`: `all` makes the snapshot public, account ids share it.
 * An encrypted snapshot cannot be made public.
 */
export function modifyRestoreAttribute(
  rds: RdsState,
  identifier: string,
  change: { add?: string[]; remove?: string[] },
): void {
  const record = requireSnapshot(rds, identifier);
  const add = change.add ?? [];
  const remove = new Set(change.remove ?? []);
  if (add.includes('all') && record.snapshot.Encrypted)
    throw rdsModelledError('InvalidParameterValue', 'Encrypted snapshots cannot be shared publicly.');
  if (remove.has('all')) record.public = false;
  if (add.includes('all')) record.public = true;
  const accounts = add.filter((value) => value !== 'all');
  record.restoreAccounts = [
    ...record.restoreAccounts.filter((account) => !remove.has(account)),
    ...accounts.filter((account) => !record.restoreAccounts.includes(account)),
  ];
}
