import type { RunbookDefinition } from './runbook.ts';

/** Passed when configured; the AWS-* and AWSSupport-* runbooks run with warroom's own role otherwise. */
const OPTIONAL_ROLE = '{{config.automationRoleArn?}}';
/** The AWSConfigRemediation-* runbooks require an assume role (AWS-NOTES §3). */
const REQUIRED_ROLE = '{{config.automationRoleArn}}';

/**
 * The runbooks warroom offers out of the box: AWS-managed SSM Automation documents for RDS, with
 * their real parameter names (docs/runbooks.md; checked against DescribeDocument before a start).
 * Stopping a database is an outage, so those two need a second person.
 */
export const DEFAULT_RUNBOOKS: readonly RunbookDefinition[] = [
  {
    id: 'reboot-instance',
    document: 'AWS-RebootRdsInstance',
    title: 'Reboot DB instance',
    description: 'Reboots the instance (unless a reboot is running) and waits until it is available.',
    resource: 'rds-instance',
    parameters: { InstanceId: '{{resource.id}}', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'confirm',
    editable: [],
  },
  {
    id: 'start-instance',
    document: 'AWS-StartRdsInstance',
    title: 'Start DB instance',
    resource: 'rds-instance',
    parameters: { InstanceId: '{{resource.id}}', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'confirm',
    editable: [],
  },
  {
    id: 'stop-instance',
    document: 'AWS-StopRdsInstance',
    title: 'Stop DB instance',
    description: 'Stops the instance (not for Aurora): the database is down until started again.',
    resource: 'rds-instance',
    parameters: { InstanceId: '{{resource.id}}', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'two-person',
    editable: [],
  },
  {
    id: 'snapshot-instance',
    document: 'AWS-CreateRdsSnapshot',
    title: 'Snapshot DB instance',
    description: 'Takes a manual snapshot before anything is changed.',
    resource: 'rds-instance',
    parameters: { DBInstanceIdentifier: '{{resource.id}}', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'confirm',
    editable: ['DBSnapshotIdentifier'],
  },
  {
    id: 'encrypted-snapshot',
    document: 'AWS-CreateEncryptedRdsSnapshot',
    title: 'Encrypted snapshot of DB instance',
    description: 'Snapshots the instance and copies the snapshot encrypted with KMS.',
    resource: 'rds-instance',
    parameters: {
      DBInstanceIdentifier: '{{resource.id}}',
      KmsKeyId: 'alias/aws/rds',
      AutomationAssumeRole: OPTIONAL_ROLE,
    },
    approval: 'confirm',
    editable: ['KmsKeyId'],
  },
  {
    id: 'start-cluster',
    document: 'AWS-StartStopAuroraCluster',
    title: 'Start Aurora cluster',
    resource: 'rds-cluster',
    parameters: { ClusterName: '{{resource.id}}', Action: 'Start', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'confirm',
    editable: [],
  },
  {
    id: 'stop-cluster',
    document: 'AWS-StartStopAuroraCluster',
    title: 'Stop Aurora cluster',
    description: 'Stops the whole cluster: the database is down until started again.',
    resource: 'rds-cluster',
    parameters: { ClusterName: '{{resource.id}}', Action: 'Stop', AutomationAssumeRole: OPTIONAL_ROLE },
    approval: 'two-person',
    editable: [],
  },
  {
    id: 'enable-backups',
    document: 'AWSConfigRemediation-EnableRDSInstanceBackup',
    title: 'Enable automated backups',
    description:
      'Sets a backup retention period (1–35 days); applied in the next maintenance window unless ApplyImmediately is true (from 0 days that means a brief outage); not for Aurora.',
    resource: 'rds-instance',
    parameters: {
      DbiResourceId: '{{resource.resourceId}}',
      AutomationAssumeRole: REQUIRED_ROLE,
      BackupRetentionPeriod: '7',
    },
    approval: 'confirm',
    editable: ['BackupRetentionPeriod', 'PreferredBackupWindow', 'ApplyImmediately'],
  },
  {
    id: 'enable-multi-az',
    document: 'AWSConfigRemediation-EnableMultiAZOnRDSInstance',
    title: 'Enable Multi-AZ',
    description: 'Applied in the next maintenance window unless ApplyImmediately is true.',
    resource: 'rds-instance',
    parameters: { DbiResourceId: '{{resource.resourceId}}', AutomationAssumeRole: REQUIRED_ROLE },
    approval: 'confirm',
    editable: ['ApplyImmediately'],
  },
  {
    id: 'disable-public-access',
    document: 'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
    title: 'Disable public access',
    description: 'Makes the instance not publicly accessible.',
    resource: 'rds-instance',
    parameters: { DbInstanceResourceId: '{{resource.resourceId}}', AutomationAssumeRole: REQUIRED_ROLE },
    approval: 'confirm',
    editable: [],
  },
  {
    id: 'make-snapshot-private',
    document: 'AWSSupport-ModifyRDSSnapshotPermission',
    title: 'Make snapshot private',
    description: 'Removes public restore access from the snapshot.',
    resource: 'rds-snapshot',
    parameters: {
      SnapshotIdentifiers: '{{resource.id}}',
      Private: 'Yes',
      AutomationAssumeRole: OPTIONAL_ROLE,
    },
    approval: 'confirm',
    editable: ['SnapshotIdentifiers'],
  },
];
