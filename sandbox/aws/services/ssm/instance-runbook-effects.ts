import {
  rebootDBInstance,
  requireInstance,
  startDBInstance,
  stopDBInstance,
} from '../rds/rds-instance-actions.ts';
import {
  copySnapshotEncrypted,
  createManualSnapshot,
  deleteSnapshot,
  requireSnapshot,
} from '../rds/rds-snapshot-actions.ts';
import { snapshotAt } from '../rds/snapshot-progress.ts';
import { callRds, expectProperty, type RunbookEffects, type StepRun } from './step-effect.ts';

const statusOf = (parameter: string) => (step: StepRun) =>
  requireInstance(step.rds, step.param(parameter)).DBInstanceStatus;

const snapshotStatus = (outputName: string) => (step: StepRun) => {
  const record = requireSnapshot(step.rds, step.outputs.get(outputName) ?? '');
  return snapshotAt(record.snapshot, record.availableAt, step.at).Status;
};

/** `2026-11-22-09-00-01`: a time that fits in an RDS identifier. */
const stamp = (at: Date) => at.toISOString().slice(0, 19).replace(/[T:]/g, '-');

/** AWS-RebootRdsInstance: reboots unless a reboot is running, then waits for `available`. */
const reboot: RunbookEffects = {
  AssertNotRebooting: {
    run(step) {
      const status = callRds('DescribeDBInstances', () => statusOf('InstanceId')(step));
      // As the real document: an instance already rebooting is not rebooted again, only waited for.
      if (status === 'rebooting') step.outputs.set('alreadyRebooting', 'true');
    },
  },
  RebootInstance: {
    run(step) {
      if (step.outputs.has('alreadyRebooting')) return;
      const timing = { at: step.at, doneAt: step.endOf('WaitForAvailableState') };
      callRds('RebootDBInstance', () => rebootDBInstance(step.rds, step.param('InstanceId'), timing));
    },
  },
  WaitForAvailableState: expectProperty(statusOf('InstanceId'), ['available']),
};

const start: RunbookEffects = {
  StartInstance: {
    run(step) {
      const timing = { at: step.at, doneAt: step.endOf('WaitForAvailableState') };
      callRds('StartDBInstance', () => startDBInstance(step.rds, step.param('InstanceId'), timing));
    },
  },
  WaitForAvailableState: expectProperty(statusOf('InstanceId'), ['available']),
};

const stop: RunbookEffects = {
  StopInstance: {
    run(step) {
      const timing = { at: step.at, doneAt: step.endOf('WaitForStoppedState') };
      callRds('StopDBInstance', () => stopDBInstance(step.rds, step.param('InstanceId'), timing));
    },
  },
  WaitForStoppedState: expectProperty(statusOf('InstanceId'), ['stopped']),
};

/** AWS-CreateRdsSnapshot: a manual snapshot, named `<instance>-<time>` unless DBSnapshotIdentifier says. */
const snapshot: RunbookEffects = {
  createRDSSnapshot: {
    run(step) {
      const instance = step.param('DBInstanceIdentifier');
      const id = step.param('DBSnapshotIdentifier') || `${instance}-${stamp(step.at)}`;
      const availableAt = step.endOf('verifyRDSSnapshot');
      callRds('CreateDBSnapshot', () => createManualSnapshot(step.rds, instance, id, availableAt));
      step.outputs.set('SnapshotId', id.toLowerCase());
    },
  },
  verifyRDSSnapshot: expectProperty(snapshotStatus('SnapshotId'), ['available'], 'DescribeDBSnapshots'),
};

/** The document's name templates: `{DBInstanceIdentifier}-{Date}`, `{DBSnapshotIdentifier}-encrypted`. */
function fillNames(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** AWS-CreateEncryptedRdsSnapshot: snapshot, copy it encrypted with the KMS key, delete the unencrypted one. */
const encryptedSnapshot: RunbookEffects = {
  CreateRdsSnapshot: {
    run(step) {
      const instance = step.param('DBInstanceIdentifier');
      const id = fillNames(step.param('DBSnapshotIdentifier'), {
        DBInstanceIdentifier: instance,
        Date: stamp(step.at),
      }).toLowerCase();
      const availableAt = step.endOf('VerifyRdsSnapshot');
      callRds('CreateDBSnapshot', () => createManualSnapshot(step.rds, instance, id, availableAt));
      step.outputs.set('SnapshotId', id);
    },
  },
  VerifyRdsSnapshot: expectProperty(snapshotStatus('SnapshotId'), ['available'], 'DescribeDBSnapshots'),
  CopyRdsSnapshotToEncryptedRdsSnapshot: {
    run(step) {
      const source = step.outputs.get('SnapshotId') ?? '';
      const target = fillNames(step.param('EncryptedDBSnapshotIdentifier'), {
        DBSnapshotIdentifier: source,
      }).toLowerCase();
      const timing = { at: step.at, availableAt: step.endOf('VerifyRdsEncryptedSnapshot') };
      callRds('CopyDBSnapshot', () =>
        copySnapshotEncrypted(step.rds, source, target, step.param('KmsKeyId'), timing),
      );
      step.outputs.set('EncryptedSnapshotId', target);
    },
  },
  VerifyRdsEncryptedSnapshot: expectProperty(
    snapshotStatus('EncryptedSnapshotId'),
    ['available'],
    'DescribeDBSnapshots',
  ),
  DeleteUnencryptedRdsSnapshot: {
    run(step) {
      callRds('DeleteDBSnapshot', () => deleteSnapshot(step.rds, step.outputs.get('SnapshotId') ?? ''));
    },
  },
};

export const INSTANCE_RUNBOOK_EFFECTS: Readonly<Record<string, RunbookEffects>> = {
  'AWS-RebootRdsInstance': reboot,
  'AWS-StartRdsInstance': start,
  'AWS-StopRdsInstance': stop,
  'AWS-CreateRdsSnapshot': snapshot,
  'AWS-CreateEncryptedRdsSnapshot': encryptedSnapshot,
};
