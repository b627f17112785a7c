import { finding, nameList, type PostureFinding, plural } from './posture-finding.ts';
import type { SnapshotExposure } from './rds-facts.ts';

const isPublic = (exposure: SnapshotExposure) => exposure.restoreAccounts.includes('all');

const MAKE_PRIVATE = 'AWSSupport-ModifyRDSSnapshotPermission';
const ENCRYPTED_COPY = 'AWS-CreateEncryptedRdsSnapshot';

/**
 * The two snapshot lines of an instance check, over its manual snapshots (automated ones cannot be
 * shared). AWS never makes an encrypted snapshot public, so every public snapshot is unencrypted
 * too; it is reported once, as public (the graver finding, with its own fix), and the encryption
 * line covers the snapshots that are not public.
 */
export function checkManualSnapshots(snapshots: readonly SnapshotExposure[]): PostureFinding[] {
  const manual = snapshots.filter((exposure) => exposure.snapshot.type === 'manual');
  const publicIds = manual.filter(isPublic).map((exposure) => exposure.snapshot.id);
  const plainIds = manual
    .filter((exposure) => !exposure.snapshot.encrypted && !isPublic(exposure))
    .map((exposure) => exposure.snapshot.id);
  const count = plural(manual.length, 'manual snapshot');
  const encryptedLabel =
    publicIds.length === 0
      ? `Every manual snapshot is encrypted (${count})`
      : 'Every manual snapshot that is not public is encrypted (a public one never is)';
  return [
    publicIds.length === 0
      ? finding('public-snapshots', true, `No manual snapshot is public (${count})`)
      : finding('public-snapshots', false, `Public manual snapshots: ${nameList(publicIds)}`, MAKE_PRIVATE),
    plainIds.length === 0
      ? finding('unencrypted-snapshots', true, encryptedLabel)
      : finding(
          'unencrypted-snapshots',
          false,
          `Unencrypted manual snapshots: ${nameList(plainIds)}`,
          ENCRYPTED_COPY,
        ),
  ];
}

/** The posture of one DB snapshot, for an incident about that snapshot (e.g. one made public). */
export function checkSnapshotPosture(exposure: SnapshotExposure): PostureFinding[] {
  const { snapshot } = exposure;
  const shared = exposure.restoreAccounts.filter((account) => account !== 'all');
  const sharing = shared.length > 0 ? ` (also shared with ${nameList(shared)})` : '';
  return [
    isPublic(exposure)
      ? finding('public-snapshots', false, `The snapshot is public${sharing}`, MAKE_PRIVATE)
      : finding('public-snapshots', true, `The snapshot is not public${sharing}`),
    snapshot.encrypted
      ? finding('unencrypted-snapshots', true, 'The snapshot is encrypted')
      : finding('unencrypted-snapshots', false, 'The snapshot is not encrypted', ENCRYPTED_COPY),
  ];
}
