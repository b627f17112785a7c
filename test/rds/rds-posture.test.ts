import { describe, expect, it } from 'vitest';
import type { DbClusterFacts, DbInstanceFacts, SnapshotExposure } from '../../src/rds/rds-facts.ts';
import { checkClusterPosture, checkInstancePosture } from '../../src/rds/rds-posture.ts';
import { checkSnapshotPosture } from '../../src/rds/rds-snapshot-posture.ts';

function instance(overrides: Partial<DbInstanceFacts> = {}): DbInstanceFacts {
  return {
    id: 'orders-db',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.r6g.large',
    status: 'available',
    multiAZ: true,
    publiclyAccessible: false,
    storageEncrypted: true,
    backupRetentionDays: 7,
    deletionProtection: true,
    iamAuth: true,
    ...overrides,
  };
}

function snapshot(
  id: string,
  overrides: Partial<SnapshotExposure['snapshot']> = {},
  accounts: string[] = [],
) {
  return {
    snapshot: { id, type: 'manual', status: 'available', encrypted: true, ...overrides },
    restoreAccounts: accounts,
  };
}

const failed = (findings: ReturnType<typeof checkInstancePosture>) =>
  findings.filter((finding) => !finding.ok).map((finding) => finding.key);

describe('checkInstancePosture', () => {
  it('passes every check for an encrypted, private, backed-up Multi-AZ DB with private encrypted snapshots', () => {
    const findings = checkInstancePosture(instance(), [snapshot('manual-1', {}, ['210987654321'])]);
    expect(findings.map((finding) => finding.key)).toEqual([
      'encryption',
      'public-access',
      'backups',
      'multi-az',
      'deletion-protection',
      'iam-auth',
      'public-snapshots',
      'unencrypted-snapshots',
    ]);
    expect(failed(findings)).toEqual([]);
    expect(findings.every((finding) => finding.why.length > 20 && finding.runbook === undefined)).toBe(true);
  });

  it('fails exactly encryption, public access and the public snapshot, each with its runbook', () => {
    const findings = checkInstancePosture(instance({ storageEncrypted: false, publiclyAccessible: true }), [
      snapshot('orders-db-export', { encrypted: false }, ['all']),
      snapshot('rds:orders-db-2026-11-22', { type: 'automated', encrypted: false }, []),
    ]);
    expect(failed(findings)).toEqual(['encryption', 'public-access', 'public-snapshots']);
    // A public snapshot is always unencrypted (AWS shares only those publicly): reported once, as public.
    expect(findings.find((finding) => finding.key === 'unencrypted-snapshots')?.label).toBe(
      'Every manual snapshot that is not public is encrypted (a public one never is)',
    );
    const runbooks = Object.fromEntries(findings.map((finding) => [finding.key, finding.runbook]));
    expect(runbooks).toMatchObject({
      encryption: 'AWS-CreateEncryptedRdsSnapshot',
      'public-access': 'AWSConfigRemediation-DisablePublicAccessToRDSInstance',
      'public-snapshots': 'AWSSupport-ModifyRDSSnapshotPermission',
    });
    const publicSnapshots = findings.find((finding) => finding.key === 'public-snapshots');
    expect(publicSnapshots?.label).toBe('Public manual snapshots: orders-db-export');
  });

  it('names the remediation runbooks for backups off, single-AZ and no deletion protection; IAM auth has none', () => {
    const findings = checkInstancePosture(
      instance({ backupRetentionDays: 0, multiAZ: false, deletionProtection: false, iamAuth: false }),
      [],
    );
    expect(failed(findings)).toEqual(['backups', 'multi-az', 'deletion-protection', 'iam-auth']);
    expect(findings.filter((finding) => !finding.ok).map((finding) => finding.runbook)).toEqual([
      'AWSConfigRemediation-EnableRDSInstanceBackup',
      'AWSConfigRemediation-EnableMultiAZOnRDSInstance',
      'AWSConfigRemediation-EnableRDSInstanceDeletionProtection',
      undefined,
    ]);
    expect(findings.find((finding) => finding.key === 'public-snapshots')?.label).toBe(
      'No manual snapshot is public (0 manual snapshots)',
    );
  });

  it('flags unencrypted snapshots that are not public, with the encrypted-copy runbook', () => {
    const findings = checkInstancePosture(instance(), [
      snapshot('before-upgrade', { encrypted: false }),
      snapshot('encrypted-one'),
    ]);
    expect(failed(findings)).toEqual(['unencrypted-snapshots']);
    expect(findings.find((finding) => finding.key === 'unencrypted-snapshots')).toMatchObject({
      label: 'Unencrypted manual snapshots: before-upgrade',
      runbook: 'AWS-CreateEncryptedRdsSnapshot',
    });
  });

  it('keeps a long list of snapshot names to one line', () => {
    const many = Array.from({ length: 8 }, (_, index) => snapshot(`s-${index}`, {}, ['all']));
    const finding = checkInstancePosture(instance(), many).find((entry) => entry.key === 'public-snapshots');
    expect(finding?.label).toBe('Public manual snapshots: s-0, s-1, s-2, s-3, s-4 and 3 more');
  });
});

describe('checkClusterPosture', () => {
  const cluster: DbClusterFacts = {
    id: 'orders-cluster',
    engine: 'aurora-postgresql',
    engineVersion: '16.4',
    status: 'available',
    multiAZ: true,
    storageEncrypted: true,
    backupRetentionDays: 1,
    deletionProtection: false,
    iamAuth: false,
    members: [
      { instanceId: 'orders-1', writer: true },
      { instanceId: 'orders-2', writer: false },
    ],
  };

  it('reports public members and the cluster deletion-protection runbook', () => {
    const findings = checkClusterPosture(cluster, [
      instance({ id: 'orders-1' }),
      instance({ id: 'orders-2', publiclyAccessible: true }),
    ]);
    expect(failed(findings)).toEqual(['public-access', 'deletion-protection', 'iam-auth']);
    expect(findings.find((finding) => finding.key === 'public-access')?.label).toBe(
      'Publicly accessible members: orders-2',
    );
    expect(findings.find((finding) => finding.key === 'deletion-protection')?.runbook).toBe(
      'AWSConfigRemediation-EnableRDSClusterDeletionProtection',
    );
  });
});

describe('checkSnapshotPosture', () => {
  it('says whether the one snapshot is public and encrypted, naming other accounts it is shared with', () => {
    const findings = checkSnapshotPosture(snapshot('export', { encrypted: false }, ['all', '210987654321']));
    expect(findings.map((finding) => [finding.ok, finding.label])).toEqual([
      [false, 'The snapshot is public (also shared with 210987654321)'],
      [false, 'The snapshot is not encrypted'],
    ]);
  });
});
