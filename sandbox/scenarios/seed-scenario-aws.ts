import type { AwsSeed, ClusterSeedSpec, InstanceSeedSpec, MetricSeedSpec } from '../../src/drill/index.ts';
import type { EmulatorState } from '../aws/emulator-state.ts';

/** How long a seeded metric has already been published when the scenario starts. */
const METRIC_HISTORY_MS = 60 * 60_000;

const idsOf = (entry: { id?: string; ids?: string[] }): string[] => entry.ids ?? (entry.id ? [entry.id] : []);

/** `index`: the instance's place among its entry's `ids`, which picks its zone in turn. */
function seedInstance(state: EmulatorState, id: string, seed: InstanceSeedSpec, index: number): void {
  const zones = seed.availabilityZones;
  state.rds.addInstance({
    id,
    availabilityZone: zones ? `${state.rds.region}${zones[index % zones.length]}` : undefined,
    engine: seed.engine,
    engineVersion: seed.engineVersion,
    instanceClass: seed.instanceClass,
    status: seed.status,
    multiAZ: seed.multiAZ,
    publiclyAccessible: seed.publiclyAccessible,
    storageEncrypted: seed.storageEncrypted,
    backupRetentionPeriod: seed.backupRetentionPeriod,
    deletionProtection: seed.deletionProtection,
    iamDatabaseAuthentication: seed.iamDatabaseAuthentication,
    allocatedStorage: seed.allocatedStorage,
    storageType: seed.storageType,
    tags: seed.tags,
  });
}

function seedCluster(state: EmulatorState, id: string, seed: ClusterSeedSpec): void {
  // With `ids`, member names say `{{id}}` to be each cluster's own.
  const members = seed.members.map((member) => member.replaceAll('{{id}}', id));
  state.rds.addCluster({
    id,
    engine: seed.engine,
    engineVersion: seed.engineVersion,
    status: seed.status,
    storageEncrypted: seed.storageEncrypted,
    deletionProtection: seed.deletionProtection,
    iamDatabaseAuthentication: seed.iamDatabaseAuthentication,
    backupRetentionPeriod: seed.backupRetentionPeriod,
    members: members.map((instanceId, index) => ({ instanceId, writer: index === 0 })),
    tags: seed.tags,
  });
  // Aurora members are DB instances of their own (what `rds status` of a member reads).
  for (const memberId of members) {
    state.rds.addInstance({
      id: memberId,
      engine: seed.engine,
      engineVersion: seed.engineVersion,
      instanceClass: seed.instanceClass,
      clusterId: id,
      storageEncrypted: seed.storageEncrypted,
      tags: seed.tags,
    });
  }
}

function seedMetric(state: EmulatorState, seed: MetricSeedSpec, start: Date): void {
  const levels = seed.levels.map((level, index) => ({
    from: new Date(start.getTime() + (index === 0 ? -METRIC_HISTORY_MS : level.after * 1000)),
    value: level.value,
  }));
  state.cloudwatch.deleteMetric(seed.namespace, seed.metric, seed.dimensions);
  state.cloudwatch.publishEveryMinute(seed.namespace, seed.metric, seed.dimensions, levels, seed.unit);
}

/**
 * Adds a scenario's AWS state to the emulator: instances, clusters with their members, snapshots
 * with their restore attribute (`all` = public), CloudWatch metrics published every minute from
 * an hour before `start` (default: the emulator's now). A resource the sandbox account already has
 * is replaced by the scenario's version of it.
 */
export function seedScenarioAws(
  state: EmulatorState,
  seed: AwsSeed | undefined,
  start: Date = state.cloudwatch.now(),
): void {
  if (!seed) return;
  for (const metric of seed.cloudwatch.metrics) seedMetric(state, metric, start);
  for (const entry of seed.rds.instances) {
    for (const [index, id] of idsOf(entry).entries()) seedInstance(state, id, entry, index);
  }
  for (const entry of seed.rds.clusters) for (const id of idsOf(entry)) seedCluster(state, id, entry);
  for (const snapshot of seed.rds.snapshots) {
    state.rds.addSnapshot({
      id: snapshot.id,
      instanceId: snapshot.instance,
      type: snapshot.type,
      encrypted: snapshot.encrypted,
      public: snapshot.restore.includes('all'),
      sharedWith: snapshot.restore.filter((value) => value !== 'all'),
    });
  }
}
