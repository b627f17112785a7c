/** The CloudTrail `userIdentity` fields warroom shows. */
export interface CloudTrailIdentity {
  type?: string | null;
  arn?: string | null;
  userName?: string | null;
  principalId?: string | null;
  invokedBy?: string | null;
}

/**
 * Who made an API call: `short` for titles (`jane.doe (DBAdmin)` for an assumed role, the user
 * name for an IAM user), `full` for the fact (the ARN and the identity type).
 */
export function describeCaller(identity: CloudTrailIdentity | null | undefined): {
  short: string;
  full: string;
} {
  const arn = identity?.arn ?? undefined;
  const type = identity?.type ?? undefined;
  const full = [
    arn ?? identity?.principalId ?? identity?.invokedBy ?? 'unknown caller',
    type ? `(${type})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { short: shortName(identity, arn), full };
}

function shortName(identity: CloudTrailIdentity | null | undefined, arn: string | undefined): string {
  if (identity?.type === 'Root') return 'root';
  const resource = arn?.split(':').slice(5).join(':') ?? '';
  const assumed = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
  if (assumed) return `${assumed[2]} (${assumed[1]})`;
  const user = /^user\/(?:.*\/)?([^/]+)$/.exec(resource);
  if (user?.[1]) return user[1];
  return identity?.userName ?? identity?.invokedBy ?? identity?.principalId ?? 'unknown caller';
}
