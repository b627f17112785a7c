import type { DBInstance } from '@aws-sdk/client-rds';
import {
  findInstanceByResourceId,
  type InstanceModification,
  modifyDBInstance,
  requireInstance,
} from '../rds/rds-instance-actions.ts';
import {
  callRds,
  expectProperty,
  propertyMismatch,
  type RunbookEffects,
  type StepEffect,
  type StepRun,
  scriptFailure,
} from './step-effect.ts';

/**
 * The AWSConfigRemediation-* runbooks take the instance's resource id (`db-…`): a first step finds
 * the instance with DescribeDBInstances' dbi-resource-id filter, the others act on what it found.
 */
function findInstance(parameter: string): StepEffect {
  return {
    run(step) {
      const resourceId = step.param(parameter);
      const instance = findInstanceByResourceId(step.rds, resourceId);
      if (!instance?.DBInstanceIdentifier)
        throw scriptFailure(`DescribeDBInstances returned no DB instance with DbiResourceId ${resourceId}.`);
      step.outputs.set('DBInstanceIdentifier', instance.DBInstanceIdentifier);
    },
  };
}

const foundInstance = (step: StepRun): DBInstance =>
  requireInstance(step.rds, step.outputs.get('DBInstanceIdentifier') ?? '');

/** ModifyDBInstance on the found instance; the change is done when `verifyStep` ends. */
function modify(change: (step: StepRun) => InstanceModification, verifyStep: string): StepEffect {
  return {
    run(step) {
      const timing = { at: step.at, doneAt: step.endOf(verifyStep) };
      const id = step.outputs.get('DBInstanceIdentifier') ?? '';
      callRds('ModifyDBInstance', () => modifyDBInstance(step.rds, id, change(step), timing));
    },
  };
}

/** A verify step that accepts the value applied or waiting in PendingModifiedValues. */
function expectAppliedOrPending(
  field: 'MultiAZ' | 'BackupRetentionPeriod',
  wanted: (step: StepRun) => unknown,
) {
  return {
    when: 'end' as const,
    run(step: StepRun) {
      const instance = callRds('DescribeDBInstances', () => foundInstance(step));
      const desired = wanted(step);
      if (instance[field] === desired || instance.PendingModifiedValues?.[field] === desired) return;
      throw propertyMismatch(instance[field], [String(desired)]);
    },
  };
}

const isTrue = (value: string) => value === 'true';

const enableBackups: RunbookEffects = {
  GetRDSInstanceIdentifier: findInstance('DbiResourceId'),
  VerifyDBInstanceStatus: {
    run(step) {
      const status = callRds('DescribeDBInstances', () => foundInstance(step).DBInstanceStatus);
      if (status !== 'available') throw propertyMismatch(status, ['available']);
    },
  },
  ModifyDBInstance: modify(
    (step) => ({
      BackupRetentionPeriod: Number(step.param('BackupRetentionPeriod')),
      PreferredBackupWindow: step.param('PreferredBackupWindow') || undefined,
      ApplyImmediately: isTrue(step.param('ApplyImmediately')),
    }),
    'VerifyDBInstanceModification',
  ),
  VerifyDBInstanceModification: expectAppliedOrPending('BackupRetentionPeriod', (step) =>
    Number(step.param('BackupRetentionPeriod')),
  ),
};

const enableMultiAZ: RunbookEffects = {
  DescribeDBInstances: findInstance('DbiResourceId'),
  ModifyDBInstance: modify(
    (step) => ({ MultiAZ: true, ApplyImmediately: isTrue(step.param('ApplyImmediately')) }),
    'VerifyMultiAZ',
  ),
  VerifyMultiAZ: expectAppliedOrPending('MultiAZ', () => true),
};

const disablePublicAccess: RunbookEffects = {
  GetRDSInstanceIdentifier: findInstance('DbInstanceResourceId'),
  ModifyDBInstance: modify(
    () => ({ PubliclyAccessible: false, ApplyImmediately: true }),
    'VerifyDBInstanceModification',
  ),
  VerifyDBInstanceModification: expectProperty((step) => foundInstance(step).PubliclyAccessible, ['false']),
};

const enableDeletionProtection: RunbookEffects = {
  GetRDSInstanceIdentifier: findInstance('DbInstanceResourceId'),
  ModifyDBInstance: modify(
    (step) => ({ DeletionProtection: true, ApplyImmediately: isTrue(step.param('ApplyImmediately')) }),
    'VerifyDBInstanceModification',
  ),
  VerifyDBInstanceModification: expectProperty((step) => foundInstance(step).DeletionProtection, ['true']),
};

export const REMEDIATION_RUNBOOK_EFFECTS: Readonly<Record<string, RunbookEffects>> = {
  'AWSConfigRemediation-EnableRDSInstanceBackup': enableBackups,
  'AWSConfigRemediation-EnableMultiAZOnRDSInstance': enableMultiAZ,
  'AWSConfigRemediation-DisablePublicAccessToRDSInstance': disablePublicAccess,
  'AWSConfigRemediation-EnableRDSInstanceDeletionProtection': enableDeletionProtection,
};
