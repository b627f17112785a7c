import { modifyRestoreAttribute } from '../rds/rds-snapshot-actions.ts';
import { callRds, type RunbookEffects, scriptFailure } from './step-effect.ts';

/**
 * AWSSupport-ModifyRDSSnapshotPermission: `Private=Yes` takes `all` out of each snapshot's
 * `restore` attribute (the accounts it is shared with stay); `Private=No` adds the AccountIds
 * (or removes them with AccountPermissionOperation=remove). Snapshots are changed in the order
 * given; the first that cannot be changed fails the step.
 */
const modifySnapshotPermission: RunbookEffects = {
  ValidateAccountIds: {
    run(step) {
      if (step.param('Private') === 'No' && step.list('AccountIds').length === 0)
        throw scriptFailure('AccountIds must name at least one account when Private is No.');
    },
  },
  ModifySnapshotPermission: {
    run(step) {
      const accounts = step.list('AccountIds');
      const change =
        step.param('Private') === 'Yes'
          ? { remove: ['all'] }
          : step.param('AccountPermissionOperation') === 'remove'
            ? { remove: accounts }
            : { add: accounts };
      for (const id of step.list('SnapshotIdentifiers')) {
        callRds('ModifyDBSnapshotAttribute', () => modifyRestoreAttribute(step.rds, id, change));
      }
    },
  },
};

export const SNAPSHOT_PERMISSION_EFFECTS: Readonly<Record<string, RunbookEffects>> = {
  'AWSSupport-ModifyRDSSnapshotPermission': modifySnapshotPermission,
};
