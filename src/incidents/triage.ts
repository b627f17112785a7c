import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { PermissionAction } from '../config/config.ts';
import type { Logger } from '../logger.ts';
import type { Denial, Permissions } from '../permissions/index.ts';
import type { Store } from '../store/store.ts';
import type { Impact } from './impact.ts';
import { setImpactStart } from './impact-start.ts';
import type { Incident, SlackActor, TimelineEntry } from './incident.ts';
import { endSnooze, snoozeIncident } from './snooze.ts';
import { splitFromStorm } from './split-from-storm.ts';
import { FANNED_OUT, fanOutToMembers, leaveStorm } from './storm-fan-out.ts';
import { takeIncident } from './take-incident.ts';
import {
  acknowledge,
  addNote,
  addUpdate,
  reopen,
  resolve,
  setImpact,
  type Transition,
} from './transitions.ts';

export type TriageAction =
  /** `how`: the responder action that acknowledged it (`ran runbook reboot`), for the timeline. */
  | { kind: 'acknowledge'; how?: string }
  /** Acknowledge (when open) and become the owner; with `to`, hand the incident to that person. */
  | { kind: 'take'; to?: string }
  | { kind: 'impact'; impact: Impact }
  | { kind: 'note'; text: string }
  /** A status update for stakeholders; posting it is the caller's (src/incidents/post-update.ts). */
  | { kind: 'update'; text: string }
  | { kind: 'resolve'; summary?: string }
  /** Reopen a resolved incident; the reason is required and kept with the undone resolution. */
  | { kind: 'reopen'; reason: string }
  /** Set when impact started (`/incident started`), validated against the other lifecycle times. */
  | { kind: 'started'; at: Date }
  /** Take a storm member out of its storm (src/incidents/split-from-storm.ts). */
  | { kind: 'split' }
  /** Pause escalation and reminders for `forMs` (src/incidents/snooze.ts); a member's is its storm's. */
  | { kind: 'snooze'; forMs: number }
  | { kind: 'unsnooze' };

export type TriageResult =
  | { kind: 'changed'; incident: Incident; entry: TimelineEntry }
  | { kind: 'unchanged'; incident: Incident; message: string }
  | { kind: 'duplicate'; incident: Incident }
  | ({ kind: 'denied' } & Denial)
  | { kind: 'not-found' };

export const PERMISSION_FOR: Record<TriageAction['kind'] | 'declare', PermissionAction> = {
  acknowledge: 'triage',
  take: 'triage',
  impact: 'triage',
  note: 'triage',
  update: 'triage',
  resolve: 'resolve',
  reopen: 'resolve',
  started: 'triage',
  split: 'triage',
  snooze: 'triage',
  unsnooze: 'triage',
  declare: 'declare',
};

const SNOOZES = new Set<TriageAction['kind']>(['snooze', 'unsnooze']);

/** Actions that also acknowledge an open incident, and how the timeline says so. */
const FOLLOWS: Partial<Record<TriageAction['kind'], string>> = {
  note: 'added a note',
  update: 'posted an update',
  impact: 'changed the impact',
};

export interface TriageDeps {
  store: Store;
  permissions: Permissions;
  clock: Clock;
  logger: Logger;
  responsePlanArn?: string;
  /** After each incident's change, with the incident before it: e.g. lifecycle metrics. */
  onTransition?: (before: Incident, after: Incident) => void;
  /** After any change: the card follows, Incident Manager is written, the actor joins its channel. */
  onChanged: (incident: Incident, actorId: string) => void;
  /** A person made the impact worse (from `from`): e.g. the incident channel is opened. */
  onImpactRaised?: (incident: Incident, from: Impact, actorId: string) => void;
  /** After a declaration: e.g. the incident channel is opened. */
  onOpened?: (incident: Incident, actorId: string) => void;
}

function transitionFor(action: TriageAction, actor: SlackActor, now: Date, dedupeKey?: string) {
  return (incident: Incident): Transition => {
    switch (action.kind) {
      case 'acknowledge':
        return acknowledge(incident, actor, now, action.how);
      case 'take':
        return takeIncident(incident, actor, now, action.to);
      case 'impact':
        return setImpact(incident, action.impact, actor, now);
      case 'note':
        return addNote(incident, action.text, actor, now, dedupeKey);
      case 'update':
        return addUpdate(incident, action.text, actor, now, dedupeKey);
      case 'resolve':
        return resolve(incident, action.summary, actor, now);
      case 'reopen':
        return reopen(incident, action.reason, actor, now);
      case 'started':
        return setImpactStart(incident, action.at, actor, now);
      case 'split':
        return splitFromStorm(incident, actor, now);
      case 'snooze':
        return snoozeIncident(incident, action.forMs, actor, now);
      case 'unsnooze':
        return endSnooze(incident, { kind: 'unsnoozed', by: actor.userId }, now);
    }
  };
}

/**
 * Every responder action, whichever door it came in by (slash command, button, modal): checks the
 * permission, applies the change atomically, and lets the card and Incident Manager follow.
 */
export class Triage {
  constructor(private readonly deps: TriageDeps) {}

  async perform(
    seq: number,
    action: TriageAction,
    actor: SlackActor,
    dedupeKey?: string,
  ): Promise<TriageResult> {
    const permission = PERMISSION_FOR[action.kind];
    // The incident first: a `team:` rule lets a team act only on the incidents it owns.
    const incident = await this.deps.store.getIncident(seq);
    if (!incident) return { kind: 'not-found' };
    const denial = await this.deps.permissions.refusal(permission, actor.userId, incident);
    if (denial) {
      this.deps.logger.warn(
        { userId: actor.userId, permission, action: action.kind, seq },
        'permission refused',
      );
      return { kind: 'denied', ...denial };
    }
    // A storm member escalates through its storm, so snoozing it is snoozing the storm (the answer's
    // incident is the storm's, which says so).
    const target = SNOOZES.has(action.kind) ? await this.escalatingFor(seq) : seq;
    const result = await this.apply(target, action, actor, dedupeKey);
    // A note or an impact change is a responder at work: the open incident is acknowledged too.
    const how = FOLLOWS[action.kind];
    if (how && result.kind === 'changed' && result.incident.status === 'open')
      await this.apply(seq, { kind: 'acknowledge', how }, actor);
    return result;
  }

  /** The incident whose escalation `seq`'s is: its storm's while it is a member, else its own. */
  private async escalatingFor(seq: number): Promise<number> {
    return (await this.deps.store.getIncident(seq))?.stormSeq ?? seq;
  }

  /**
   * A person acted on the incident elsewhere (ran, asked for or approved a runbook): an open
   * incident is acknowledged by them, saying how, as an acknowledge would (a storm's members
   * follow). The action's own permission was checked; anything else changes nothing.
   */
  async acknowledgeByAction(seq: number, actor: SlackActor, how: string): Promise<TriageResult> {
    return this.apply(seq, { kind: 'acknowledge', how }, actor);
  }

  private async apply(
    seq: number,
    action: TriageAction,
    actor: SlackActor,
    dedupeKey?: string,
  ): Promise<TriageResult> {
    const now = this.deps.clock.now();
    // Splitting needs the storm it leaves, which the split member no longer names.
    const leaving = action.kind === 'split' ? (await this.deps.store.getIncident(seq))?.stormSeq : undefined;
    let before: Incident | undefined;
    const transition = transitionFor(action, actor, now, dedupeKey);
    const outcome = await this.deps.store.mutateIncident(
      seq,
      now,
      (current) => {
        before = current;
        return transition(current);
      },
      dedupeKey,
    );
    if (outcome.kind === 'changed' && before) this.deps.onTransition?.(before, outcome.incident);
    if (outcome.kind === 'changed' && leaving !== undefined) {
      const storm = await leaveStorm(this.deps.store, leaving, outcome.incident, actor.userId, now);
      if (storm) this.deps.onChanged(storm, actor.userId);
    }
    if (outcome.kind === 'changed') {
      // A storm's members follow it first, so its card (rendered on onChanged) shows them moved.
      if (outcome.incident.storm && FANNED_OUT.has(action.kind)) {
        const change = transitionFor(action, actor, now);
        for (const member of await fanOutToMembers(this.deps.store, outcome.incident, change, now))
          this.deps.onChanged(member, actor.userId);
      }
      this.deps.onChanged(outcome.incident, actor.userId);
      const from = outcome.entry.kind === 'impact' ? Number(outcome.entry.from) : undefined;
      if (from !== undefined && outcome.incident.impact < from)
        this.deps.onImpactRaised?.(outcome.incident, from as Impact, actor.userId);
    }
    if (outcome.kind === 'unchanged')
      return { kind: 'unchanged', incident: outcome.incident, message: outcome.message };
    return outcome;
  }

  /** Opens an incident by hand; with a response plan configured it is started in Incident Manager too. */
  async declare(input: {
    title: string;
    impact: Impact;
    actor: SlackActor;
    /** Identifies the request (a modal's view id, a command's trigger id): asking twice declares once. */
    dedupeKey?: string;
  }): Promise<
    | { kind: 'declared'; incident: Incident }
    | { kind: 'duplicate'; incident: Incident }
    | ({ kind: 'denied' } & Denial)
  > {
    const denial = await this.deps.permissions.refusal('declare', input.actor.userId);
    if (denial) {
      this.deps.logger.warn({ userId: input.actor.userId, permission: 'declare' }, 'permission refused');
      return { kind: 'denied', ...denial };
    }
    const now = this.deps.clock.now();
    const { incident, created } = await this.deps.store.createIncident(
      {
        groupKey: `declared:${randomUUID()}`,
        title: input.title,
        impact: input.impact,
        impactSetBy: 'person',
        status: 'open',
        source: 'declared',
        declaredBy: input.actor.userId,
        openedAt: now,
        updatedAt: now,
        latestSignal: {
          signalType: 'declared',
          title: `Declared by <@${input.actor.userId}>`,
          detail: '',
          at: now,
          facts: [],
        },
        signalCount: 0,
        version: 1,
      },
      {
        at: now,
        kind: 'declared',
        actor: input.actor.userId,
        text: `declared the incident: ${input.title}`,
        dedupeKey: input.dedupeKey,
      },
      this.deps.responsePlanArn
        ? [
            {
              kind: 'start-incident',
              responsePlanArn: this.deps.responsePlanArn,
              title: input.title,
              impact: input.impact,
            },
          ]
        : [],
    );
    if (!created) return { kind: 'duplicate', incident };
    this.deps.onChanged(incident, input.actor.userId);
    this.deps.onOpened?.(incident, input.actor.userId);
    return { kind: 'declared', incident };
  }
}
