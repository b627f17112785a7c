import type { Clock } from '../clock.ts';
import { type Incident, loadStormMembers, type NewIncident } from '../incidents/index.ts';
import type { Store } from '../store/store.ts';
import { describeStormKey } from './storm-key.ts';
import { decideStorm, type StormRule } from './storm-rule.ts';
import { followMembers, stormTitle, worstOf } from './storm-summary.ts';

/** What grouping a newly opened incident did. */
export type StormOutcome =
  | { kind: 'none' }
  /** The incident joined an open storm (updated: the storm). */
  | { kind: 'joined'; storm: Incident }
  /** A storm formed: `members` were folded in (each now names it), the new one among them. */
  | { kind: 'formed'; storm: Incident; members: Incident[] };

/**
 * Applies the storm rule after intake opened an incident: joins it to the open storm for its key,
 * or opens a storm incident and folds every matching member into it. Members stay real incidents
 * (own id, timeline, tools); each records on its timeline that it joined. Runs inside the single
 * intake drain, so two storms for one key are never formed at once.
 */
export class StormGrouper {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      rule: StormRule;
      /**
       * A member's signal made the storm worse (from `from`): as for any incident, its snooze ends
       * and its escalation is looked at again at the new impact.
       */
      onImpactRaised?: (storm: Incident, from: Incident['impact']) => void;
    },
  ) {}

  async afterOpened(opened: Incident): Promise<StormOutcome> {
    const { store, clock, rule } = this.deps;
    const now = clock.now();
    const decision = decideStorm(opened, await store.listOpenIncidents(), rule, now);
    if (decision.kind === 'none') return decision;
    if (decision.kind === 'join') {
      await store.joinStorm({ seq: decision.storm.seq }, [opened.seq], now);
      const storm = await this.refresh(decision.storm.seq);
      return { kind: 'joined', storm: storm ?? decision.storm };
    }
    const first = decision.members[0] as Incident;
    const key = opened.stormKey as string;
    // One transaction: a crash never leaves a storm holding only some of its members.
    const formed = await store.joinStorm(
      {
        create: stormIncident(key, decision.members, now),
        entry: {
          at: now,
          kind: 'opened',
          actor: 'warroom',
          text: `storm: ${decision.members.length} resources with ${describeStormKey(key)} within ${Math.round(rule.windowMs / 1000)}s`,
          dedupeKey: `storm:${key}:${first.seq}`,
        },
      },
      decision.members.map((member) => member.seq),
      now,
    );
    if (!formed) return { kind: 'none' };
    return { kind: 'formed', storm: formed.storm, members: formed.members };
  }

  /**
   * Whether a storm may be forming around this incident: it could storm, it opened within the
   * window, and another resource's incident of the same kind opened within the window too. Its
   * pages then wait (at most the window) so the storm, not each member, pages people.
   */
  async mightForm(incident: Incident): Promise<boolean> {
    const { rule, clock, store } = this.deps;
    const key = incident.stormKey;
    if (!rule.enabled || !key || incident.stormSeq !== undefined || incident.storm) return false;
    const since = clock.now().getTime() - rule.windowMs;
    if (incident.openedAt.getTime() < since) return false;
    const resource = incident.resource?.id;
    return (await store.listOpenIncidents()).some(
      (other) =>
        other.seq !== incident.seq &&
        other.stormKey === key &&
        other.stormSeq === undefined &&
        other.resource?.id !== resource &&
        other.openedAt.getTime() >= since,
    );
  }

  /**
   * A member changed (a later signal, or a person acting on it alone): the storm follows its
   * worst impact, signal count and members' states, so its card's counts and list are current.
   * When every member is resolved, the storm resolves too, and its timeline says why. Answers
   * the storm when it changed.
   */
  async refresh(stormSeq: number): Promise<Incident | undefined> {
    const { store, clock } = this.deps;
    const storm = await store.getIncident(stormSeq);
    if (!storm?.storm) return undefined;
    const members = await loadStormMembers(this.deps.store, storm);
    const now = clock.now();
    let before: Incident['impact'] | undefined;
    const outcome = await store.mutateIncident(stormSeq, now, (current) => {
      before = current.impact;
      const next = followMembers(current, members, now);
      if (!next) return { kind: 'unchanged', code: 'STORM_CURRENT', message: 'the storm shows its members' };
      return {
        kind: 'changed',
        incident: { ...current, ...next.fields, updatedAt: now, version: current.version + 1 },
        entry: { at: now, actor: 'warroom', ...next.entry },
      };
    });
    if (outcome.kind !== 'changed') return undefined;
    const raised = before !== undefined && outcome.incident.impact < before;
    if (raised && outcome.incident.status !== 'resolved')
      this.deps.onImpactRaised?.(outcome.incident, before as Incident['impact']);
    return outcome.incident;
  }
}

function stormIncident(key: string, members: readonly Incident[], now: Date): NewIncident {
  const worst = worstOf(members);
  return {
    groupKey: `storm:${key}`,
    stormKey: key,
    storm: { key, what: describeStormKey(key), members: [] },
    title: stormTitle(key, members.length),
    impact: worst.impact,
    impactSetBy: 'signal',
    status: 'open',
    source: worst.source,
    accountId: worst.accountId,
    region: worst.region,
    openedAt: now,
    updatedAt: now,
    latestSignal: worst.latestSignal,
    signalCount: members.reduce((sum, member) => sum + member.signalCount, 0),
    // Members share the storm key, which names their route: the storm lives where they do.
    ...(worst.route ? { route: worst.route } : {}),
    version: 1,
  };
}
