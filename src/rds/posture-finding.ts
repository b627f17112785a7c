export type PostureKey =
  | 'encryption'
  | 'public-access'
  | 'backups'
  | 'multi-az'
  | 'deletion-protection'
  | 'iam-auth'
  | 'public-snapshots'
  | 'unencrypted-snapshots';

/** One line of the check: what was found, whether it is fine, why it matters, what fixes it. */
export interface PostureFinding {
  key: PostureKey;
  ok: boolean;
  /** Plain text naming what was found, e.g. "Storage is not encrypted". */
  label: string;
  /** One line on why it matters (plain text). */
  why: string;
  /** The AWS runbook (SSM document name) that remedies a ✗, when one exists. */
  runbook?: string;
}

const WHY: Record<PostureKey, string> = {
  encryption:
    'unencrypted storage leaves the data, its backups and its snapshots readable to anyone who gets a copy.',
  'public-access':
    'a public DB has an internet-resolvable address; only its security groups stand between it and the internet.',
  backups: 'without automated backups there is no point-in-time restore after a bad write or a lost volume.',
  'multi-az': 'a standby in a second Availability Zone takes over in a minute or two when the primary fails.',
  'deletion-protection': 'one mistaken delete call (or a runbook) could drop the database for good.',
  'iam-auth': 'IAM tokens replace long-lived database passwords and are revoked with the role.',
  'public-snapshots':
    'any AWS account can restore a public snapshot: a full copy of the data outside your control.',
  'unencrypted-snapshots': 'an unencrypted snapshot can be copied or shared and read without any KMS key.',
};

/** A finding; the runbook is kept only on a ✗ (a ✓ needs no fix). */
export function finding(key: PostureKey, ok: boolean, label: string, runbook?: string): PostureFinding {
  const base = { key, ok, label, why: WHY[key] };
  return ok || runbook === undefined ? base : { ...base, runbook };
}

/** Up to five names, then a count: a finding stays one line whatever the account holds. */
export function nameList(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
