import type { RdsPort } from '../aws/rds-port.ts';
import type { Incident } from '../incidents/index.ts';
import { buildRdsCheckReply, type CatalogLookup, type RdsCheckReply, targetText } from './rds-check-text.ts';
import { checkClusterPosture, checkInstancePosture } from './rds-posture.ts';
import { checkSnapshotPosture } from './rds-snapshot-posture.ts';
import type { RdsTarget } from './rds-target.ts';

/** The part of a runbook catalog entry the check needs. */
export interface CatalogRunbook {
  id: string;
  document: string;
  /** Shown on the ✗'s Run button. */
  title: string;
  /** rds-instance, rds-cluster, rds-snapshot or any. */
  resource: string;
}

/**
 * A catalog runbook for a document; it fits when it runs on this incident's kind of resource. A
 * document in the catalog twice (for an instance and a cluster, say) answers with the one that fits.
 */
function catalogFor(catalog: readonly CatalogRunbook[], incident: Incident): CatalogLookup {
  const fits = (entry: CatalogRunbook) =>
    entry.resource === 'any' || entry.resource === incident.resource?.kind;
  return (document) => {
    const entries = catalog.filter((runbook) => runbook.document === document);
    const entry = entries.find(fits) ?? entries[0];
    return entry ? { id: entry.id, title: entry.title, fits: fits(entry) } : undefined;
  };
}

/**
 * The posture check of an incident's database: the instance and its manual snapshots, a cluster
 * and its members, or the one snapshot. An Aurora member is checked through its cluster, whose
 * settings (backups, Multi-AZ, deletion protection) are the ones that count.
 */
export async function checkDatabase(
  rds: RdsPort,
  incident: Incident,
  target: RdsTarget,
  catalog: readonly CatalogRunbook[],
): Promise<RdsCheckReply> {
  const lookup = catalogFor(catalog, incident);
  const checkCluster = async (clusterId: string, memberId?: string) => {
    const cluster = await rds.describeCluster(clusterId);
    const findings = checkClusterPosture(cluster, await rds.listClusterInstances(cluster.id));
    const member = memberId ? `${memberId} is a member of this cluster, so the cluster was checked. ` : '';
    return buildRdsCheckReply(incident, targetText({ kind: 'cluster', id: cluster.id }), findings, {
      note: `${member}Cluster snapshots are not checked.`,
      catalog: lookup,
    });
  };
  switch (target.kind) {
    case 'instance': {
      const instance = await rds.describeInstance(target.id);
      if (instance.clusterId) return checkCluster(instance.clusterId, instance.id);
      const findings = checkInstancePosture(instance, await rds.listManualSnapshots(instance.id));
      return buildRdsCheckReply(incident, targetText(target), findings, { catalog: lookup });
    }
    case 'cluster':
      return checkCluster(target.id);
    case 'snapshot': {
      const findings = checkSnapshotPosture(await rds.describeSnapshotExposure(target.id));
      return buildRdsCheckReply(incident, targetText(target), findings, { catalog: lookup });
    }
  }
}
