import type { Clock } from '../clock.ts';
import { describeStormZones, type Incident, loadStormMembers } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { DbInstanceFacts } from '../rds/index.ts';
import type { Store } from '../store/store.ts';
import { StormRunner, type StormTarget } from './storm-runner.ts';

/** At most this many instances are looked up in one pass (three DescribeDBInstances calls). */
const MAX_LOOKUPS_PER_PASS = 300;
/** An instance RDS did not answer for (or a failed call) is not asked about again before this. */
const RETRY_AFTER_MS = 15 * 60_000;

/** DescribeDBInstances by ids (the RDS gateway); ids RDS does not know are missing from the answer. */
export type DescribeInstances = { describeInstances(ids: readonly string[]): Promise<DbInstanceFacts[]> };

export interface StormZonesDeps {
  store: Store;
  /** warroom's own RDS, for members whose account and Region have no port of their own. */
  rds: DescribeInstances;
  /** The RDS of a member's account and Region (a role's, `accounts:`); absent: `rds` serves all. */
  rdsFor?: (member: Incident) => DescribeInstances;
  clock: Clock;
  logger: Logger;
  /** The storm learnt zones: its card shows them. */
  onChanged: (stormSeq: number) => void;
}

/**
 * Learns the Availability Zones of a storm's DB instances for its card, off the intake path: after
 * a storm changes, one filtered DescribeDBInstances per 100 members not yet known. What RDS
 * answered is kept on the storm (so each instance is asked about once); what it did not, or a
 * failed call, is retried after RETRY_AFTER_MS at the earliest. Requests for one storm coalesce.
 */
export class StormZones {
  private readonly runner: StormRunner;
  /** Instance ids not to ask about again before the time given (ms). */
  private readonly retryAt = new Map<string, number>();

  constructor(private readonly deps: StormZonesDeps) {
    this.runner = new StormRunner(
      deps.store,
      (storm) => this.sync(storm),
      (error, seq) => deps.logger.warn({ err: error, seq }, 'could not learn the storm zones'),
    );
  }

  /** Asks for the zones of this incident's storm (or of the storm itself) to be learnt. */
  request(target: number | StormTarget): void {
    this.runner.request(target);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  private async sync(storm: Incident): Promise<void> {
    const { store, clock, logger } = this.deps;
    if (!storm.storm || storm.status === 'resolved') return;
    const members = await loadStormMembers(store, storm);
    const wanted = this.unknownInstances(members, storm.storm.zones ?? {});
    if (wanted.length === 0) return;
    const learnt: Record<string, string> = {};
    // A storm forms within one account and Region (its key says so): asked where they run, once.
    const member = wanted[0]?.member;
    const rds = (member && this.deps.rdsFor?.(member)) ?? this.deps.rds;
    const ids = wanted.map((entry) => entry.id);
    try {
      for (const instance of await rds.describeInstances(ids)) {
        if (instance.availabilityZone) learnt[instance.id.toLowerCase()] = instance.availabilityZone;
      }
    } catch (error) {
      logger.warn({ err: error, seq: storm.seq }, 'could not read the Availability Zones of a storm');
    }
    const retryAt = clock.now().getTime() + RETRY_AFTER_MS;
    for (const id of ids) if (!learnt[id]) this.retryAt.set(id, retryAt);
    if (Object.keys(learnt).length > 0) await this.record(storm.seq, members, learnt);
  }

  /** Lower-case ids of members' DB instances whose zone is not known yet, each with its member. */
  private unknownInstances(
    members: readonly Incident[],
    known: Record<string, string>,
  ): Array<{ id: string; member: Incident }> {
    const now = this.deps.clock.now().getTime();
    // Forget what is due again, so the map holds only instances asked about in the last while.
    for (const [id, at] of this.retryAt) if (at <= now) this.retryAt.delete(id);
    const wanted = new Map<string, Incident>();
    for (const member of members) {
      const resource = member.resource;
      if (resource?.kind !== 'rds-instance') continue;
      const id = resource.id.toLowerCase();
      if (known[id] || this.retryAt.has(id) || wanted.has(id)) continue;
      wanted.set(id, member);
    }
    return [...wanted].slice(0, MAX_LOOKUPS_PER_PASS).map(([id, member]) => ({ id, member }));
  }

  private async record(stormSeq: number, members: Incident[], learnt: Record<string, string>) {
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.mutateIncident(stormSeq, now, (current) => {
      if (!current.storm) return { kind: 'unchanged', code: 'STORM_CURRENT', message: 'not a storm' };
      const zones = { ...current.storm.zones, ...learnt };
      return {
        kind: 'changed',
        incident: {
          ...current,
          storm: { ...current.storm, zones },
          updatedAt: now,
          version: current.version + 1,
        },
        entry: {
          at: now,
          kind: 'annotation',
          actor: 'warroom',
          text: `learnt where its databases run: ${describeStormZones(members, zones) ?? 'no zone known'}`,
        },
      };
    });
    if (outcome.kind === 'changed') this.deps.onChanged(stormSeq);
  }
}
