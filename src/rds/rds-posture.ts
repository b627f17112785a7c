import { finding, nameList, type PostureFinding, plural } from './posture-finding.ts';
import type { DbClusterFacts, DbInstanceFacts, SnapshotExposure } from './rds-facts.ts';
import { checkManualSnapshots } from './rds-snapshot-posture.ts';

const onOff = (on: boolean) => (on ? 'on' : 'off');

/**
 * The security and resilience posture of a DB instance and its manual snapshots: one ✓/✗ per
 * concern, each ✗ naming the AWS runbook that remedies it where one exists. Pure.
 */
export function checkInstancePosture(
  instance: DbInstanceFacts,
  snapshots: readonly SnapshotExposure[],
): PostureFinding[] {
  const days = instance.backupRetentionDays;
  return [
    instance.storageEncrypted
      ? finding('encryption', true, 'Storage is encrypted')
      : finding('encryption', false, 'Storage is not encrypted', 'AWS-CreateEncryptedRdsSnapshot'),
    instance.publiclyAccessible
      ? finding(
          'public-access',
          false,
          'Publicly accessible',
          'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
        )
      : finding('public-access', true, 'Not publicly accessible'),
    days > 0
      ? finding('backups', true, `Automated backups on, kept ${plural(days, 'day')}`)
      : finding(
          'backups',
          false,
          'Automated backups are off',
          'AWSConfigRemediation-EnableRDSInstanceBackup',
        ),
    instance.multiAZ
      ? finding('multi-az', true, 'Multi-AZ')
      : finding('multi-az', false, 'Single-AZ', 'AWSConfigRemediation-EnableMultiAZOnRDSInstance'),
    instance.deletionProtection
      ? finding('deletion-protection', true, 'Deletion protection is on')
      : finding(
          'deletion-protection',
          false,
          'Deletion protection is off',
          'AWSConfigRemediation-EnableRDSInstanceDeletionProtection',
        ),
    // No AWS-owned runbook turns IAM authentication on; ModifyDBInstance does.
    finding('iam-auth', instance.iamAuth, `IAM database authentication is ${onOff(instance.iamAuth)}`),
    ...checkManualSnapshots(snapshots),
  ];
}

/**
 * The posture of a cluster: its own settings, and public access of its members (a cluster has no
 * such flag itself). Only deletion protection has an AWS runbook for clusters; cluster snapshots
 * are not read here.
 */
export function checkClusterPosture(
  cluster: DbClusterFacts,
  members: readonly DbInstanceFacts[],
): PostureFinding[] {
  const publicIds = members.filter((member) => member.publiclyAccessible).map((member) => member.id);
  const days = cluster.backupRetentionDays;
  return [
    finding(
      'encryption',
      cluster.storageEncrypted,
      `Storage is ${cluster.storageEncrypted ? '' : 'not '}encrypted`,
    ),
    publicIds.length === 0
      ? finding(
          'public-access',
          true,
          `No member is publicly accessible (${plural(members.length, 'instance')})`,
        )
      : finding('public-access', false, `Publicly accessible members: ${nameList(publicIds)}`),
    finding(
      'backups',
      days > 0,
      days > 0 ? `Automated backups kept ${plural(days, 'day')}` : 'Automated backups are off',
    ),
    finding(
      'multi-az',
      cluster.multiAZ,
      cluster.multiAZ ? 'Multi-AZ' : `Single-AZ (${plural(cluster.members.length, 'member')})`,
    ),
    cluster.deletionProtection
      ? finding('deletion-protection', true, 'Deletion protection is on')
      : finding(
          'deletion-protection',
          false,
          'Deletion protection is off',
          'AWSConfigRemediation-EnableRDSClusterDeletionProtection',
        ),
    finding('iam-auth', cluster.iamAuth, `IAM database authentication is ${onOff(cluster.iamAuth)}`),
  ];
}
