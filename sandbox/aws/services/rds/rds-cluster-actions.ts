import type { DBCluster } from '@aws-sdk/client-rds';
import { rdsModelledError, rdsNotFound } from './rds-errors.ts';
import type { Timing } from './rds-instance-actions.ts';
import type { RdsState } from './rds-state.ts';

/**
 * StopDBCluster and StartDBCluster as RDS does them (made by AWS-StartStopAuroraCluster, not served
 * as API calls): the cluster and its member instances go `stopping` → `stopped`, or `starting` →
 * `available`, at `doneAt`. A cluster not in the status the call needs is InvalidDBClusterStateFault.
 */
export function requireCluster(rds: RdsState, identifier: string): DBCluster {
  const cluster = rds.clusters.get(identifier.toLowerCase());
  if (!cluster) throw rdsNotFound('DBClusterNotFoundFault', `DBCluster ${identifier} not found.`);
  return cluster;
}

function moveCluster(
  rds: RdsState,
  identifier: string,
  expected: string,
  statuses: { through: string; to: string },
  timing: Timing,
): void {
  const cluster = requireCluster(rds, identifier);
  if (cluster.Status !== expected) {
    throw rdsModelledError(
      'InvalidDBClusterStateFault',
      `DbCluster ${cluster.DBClusterIdentifier} is in ${cluster.Status} state but expected it to be one of ${expected}.`,
    );
  }
  const members = (cluster.DBClusterMembers ?? []).flatMap(
    (member) => rds.instances.get(member.DBInstanceIdentifier ?? '') ?? [],
  );
  cluster.Status = statuses.through;
  for (const member of members) member.DBInstanceStatus = statuses.through;
  rds.scheduled.add(timing.doneAt, () => {
    cluster.Status = statuses.to;
    for (const member of members) member.DBInstanceStatus = statuses.to;
  });
}

export function stopDBCluster(rds: RdsState, identifier: string, timing: Timing): void {
  moveCluster(rds, identifier, 'available', { through: 'stopping', to: 'stopped' }, timing);
}

export function startDBCluster(rds: RdsState, identifier: string, timing: Timing): void {
  moveCluster(rds, identifier, 'stopped', { through: 'starting', to: 'available' }, timing);
}
