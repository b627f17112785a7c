import type { Resource } from '../signals/index.ts';

/** The RDS resource an incident is about, in the form the RDS calls take. */
export type RdsTarget =
  | { kind: 'instance'; id: string }
  | { kind: 'cluster'; id: string }
  | { kind: 'snapshot'; id: string };

/**
 * The incident's RDS resource, when it has one warroom can act on. Cluster snapshots are left out:
 * no /incident rds subcommand reads them yet, so saying so beats a half answer.
 */
export function rdsTargetOf(resource: Resource | undefined): RdsTarget | undefined {
  switch (resource?.kind) {
    case 'rds-instance':
      return { kind: 'instance', id: resource.id };
    case 'rds-cluster':
      return { kind: 'cluster', id: resource.id };
    case 'rds-snapshot':
      return { kind: 'snapshot', id: resource.id };
    default:
      return undefined;
  }
}

export const TARGET_WORDS: Record<RdsTarget['kind'], string> = {
  instance: 'DB instance',
  cluster: 'DB cluster',
  snapshot: 'DB snapshot',
};
