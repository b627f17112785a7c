import type { DBInstance } from '@aws-sdk/client-rds';
import { rdsModelledError, rdsNotFound } from './rds-errors.ts';
import { type RdsState, standbyZoneFor } from './rds-state.ts';

/**
 * What RDS does on StopDBInstance, StartDBInstance, RebootDBInstance and ModifyDBInstance, with
 * RDS's refusals and wording. The emulator serves none of these as API calls yet: SSM runbooks
 * make them (services/ssm/runbook-effects). A call puts the instance in its transitional status
 * now and schedules the end state for `doneAt`; a refusal is thrown as the AwsServiceError RDS
 * answers.
 */
export interface Timing {
  /** When the call is made. */
  at: Date;
  /** When RDS has finished (stopped, available again). */
  doneAt: Date;
}

export function requireInstance(rds: RdsState, identifier: string): DBInstance {
  const instance = rds.instances.get(identifier.toLowerCase());
  if (!instance) throw rdsNotFound('DBInstanceNotFound', `DBInstance ${identifier} not found.`);
  return instance;
}

/** The instance with this DbiResourceId (`db-…`), as DescribeDBInstances' dbi-resource-id filter finds it. */
export function findInstanceByResourceId(rds: RdsState, resourceId: string): DBInstance | undefined {
  return [...rds.instances.values()].find((instance) => instance.DbiResourceId === resourceId);
}

const invalidState = (message: string) => rdsModelledError('InvalidDBInstanceState', message);
/** Not in the trimmed model; RDS answers it as a 400 with this code. */
const invalidCombination = (message: string) => rdsModelledError('InvalidParameterCombination', message);

function moveTo(rds: RdsState, instance: DBInstance, through: string, to: string, doneAt: Date): void {
  instance.DBInstanceStatus = through;
  rds.scheduled.add(doneAt, () => {
    instance.DBInstanceStatus = to;
  });
}

function refuseAuroraStopStart(instance: DBInstance): void {
  if (instance.DBClusterIdentifier)
    throw invalidCombination(`${instance.Engine} DB instances are not eligible for stopping and starting.`);
}

export function stopDBInstance(rds: RdsState, identifier: string, timing: Timing): void {
  const instance = requireInstance(rds, identifier);
  refuseAuroraStopStart(instance);
  if (instance.DBInstanceStatus !== 'available')
    throw invalidState(`Instance ${instance.DBInstanceIdentifier} is not in available state.`);
  moveTo(rds, instance, 'stopping', 'stopped', timing.doneAt);
}

export function startDBInstance(rds: RdsState, identifier: string, timing: Timing): void {
  const instance = requireInstance(rds, identifier);
  refuseAuroraStopStart(instance);
  if (instance.DBInstanceStatus !== 'stopped')
    throw invalidState(`Instance ${instance.DBInstanceIdentifier} is not stopped, it cannot be started.`);
  moveTo(rds, instance, 'starting', 'available', timing.doneAt);
}

export function rebootDBInstance(rds: RdsState, identifier: string, timing: Timing): void {
  const instance = requireInstance(rds, identifier);
  if (instance.DBInstanceStatus !== 'available')
    throw invalidState(`Instance ${instance.DBInstanceIdentifier} is not in available state.`);
  moveTo(rds, instance, 'rebooting', 'available', timing.doneAt);
}

export interface InstanceModification {
  PubliclyAccessible?: boolean;
  DeletionProtection?: boolean;
  MultiAZ?: boolean;
  BackupRetentionPeriod?: number;
  PreferredBackupWindow?: string;
  ApplyImmediately?: boolean;
}

/**
 * ModifyDBInstance as RDS documents it: PubliclyAccessible, DeletionProtection and the backup
 * window apply at once whatever ApplyImmediately says; MultiAZ, and a retention period turned on
 * from 0 (or off), wait in PendingModifiedValues for the maintenance window unless ApplyImmediately.
 * A change that reconfigures the DB shows `modifying` until `doneAt`. Aurora members take backup
 * and Multi-AZ settings from their cluster.
 */
export function modifyDBInstance(
  rds: RdsState,
  identifier: string,
  change: InstanceModification,
  timing: Timing,
): void {
  const instance = requireInstance(rds, identifier);
  if (instance.DBInstanceStatus !== 'available')
    throw invalidState('Database instance is not in available state.');
  const cluster = instance.DBClusterIdentifier;
  if (cluster && change.BackupRetentionPeriod !== undefined)
    throw invalidCombination(
      `The requested DB instance is a member of DB cluster ${cluster}: set the backup retention period on the DB cluster.`,
    );
  if (cluster && change.MultiAZ !== undefined)
    throw invalidCombination(
      `The requested DB instance is a member of DB cluster ${cluster}: Multi-AZ is a DB cluster setting.`,
    );
  if (change.DeletionProtection !== undefined) instance.DeletionProtection = change.DeletionProtection;
  if (change.PreferredBackupWindow) instance.PreferredBackupWindow = change.PreferredBackupWindow;
  const now: Partial<DBInstance> = {};
  const pending: NonNullable<DBInstance['PendingModifiedValues']> = {};
  if (change.PubliclyAccessible !== undefined && change.PubliclyAccessible !== instance.PubliclyAccessible)
    now.PubliclyAccessible = change.PubliclyAccessible;
  if (change.MultiAZ !== undefined && change.MultiAZ !== instance.MultiAZ) {
    if (change.ApplyImmediately) now.MultiAZ = change.MultiAZ;
    else pending.MultiAZ = change.MultiAZ;
  }
  const retention = change.BackupRetentionPeriod;
  if (retention !== undefined && retention !== instance.BackupRetentionPeriod) {
    const switchesBackups = (retention === 0) !== ((instance.BackupRetentionPeriod ?? 0) === 0);
    if (switchesBackups && !change.ApplyImmediately) pending.BackupRetentionPeriod = retention;
    else now.BackupRetentionPeriod = retention;
  }
  if (Object.keys(pending).length > 0)
    instance.PendingModifiedValues = { ...instance.PendingModifiedValues, ...pending };
  if (Object.keys(now).length === 0) return;
  instance.DBInstanceStatus = 'modifying';
  rds.scheduled.add(timing.doneAt, () => {
    Object.assign(instance, now, { DBInstanceStatus: 'available' });
    if (now.MultiAZ !== undefined) {
      const zone = instance.AvailabilityZone;
      instance.SecondaryAvailabilityZone = now.MultiAZ && zone ? standbyZoneFor(zone) : undefined;
    }
  });
}
