import type { Clock } from '../clock.ts';
import type { Incident } from '../incidents/index.ts';
import { annotation, homeChannelOf, isSnoozed } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { DueEscalationStage } from '../store/escalation-store.ts';
import type { Store } from '../store/store.ts';
import { SingleFlight } from '../work/single-flight.ts';
import type { Engagements } from './engagements.ts';
import type { PageOutcome, Pager } from './pager.ts';
import { choosePolicy, type EscalationConfig, type NotifyTarget } from './policy.ts';
import type { Reminders } from './reminders.ts';
import { SnoozeEnds } from './snooze-ends.ts';
import type { UpdateReminders } from './update-reminders.ts';

export interface EscalationDeps {
  config: EscalationConfig;
  store: Pick<Store, 'escalations' | 'getCard' | 'getIncident' | 'mutateIncident' | 'listOpenIncidents'>;
  pager: Pager;
  reminders?: Reminders;
  /** `updates.every`: status updates due (src/paging/update-reminders.ts). */
  updateReminders?: Pick<UpdateReminders, 'pass'>;
  /** SSM Contacts engagements: stopped with the escalation, followed on each pass. */
  engagements?: Engagements;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /**
   * Whether an incident's stages wait: a storm may be forming around it (src/storms/), and its
   * storm will be paged instead. Asked again on every pass; a held stage fires when it answers no.
   */
  holdsPage?: (incident: Incident) => Promise<boolean>;
  /** A snooze ended by warroom (time up, a signal raising the impact): its card follows. */
  onSnoozeEnded?: (incident: Incident) => void;
  /** How often (real ms) due stages are looked for; when they are due follows the injected clock. */
  tickMs?: number;
}

/** A claimed stage not pinged by then (a crash, Slack down) is taken again. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Durable escalation: an opened incident's policy stages are written to the store with their due
 * time (from the injected clock); `tick()` claims each due stage atomically and pings it, so a stage
 * fires once even across a restart or two processes sharing the store. Acknowledge or resolve
 * cancels what is left. A crash between pinging and recording can ping a stage again.
 */
export class Escalation {
  private readonly flight = new SingleFlight(() => this.drain());
  private readonly snoozes: SnoozeEnds;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: EscalationDeps) {
    this.snoozes = new SnoozeEnds({ store: deps.store, clock: deps.clock, onEnded: deps.onSnoozeEnded });
  }

  /** Writes the incident's stages (once; asking again changes nothing) and fires what is due. */
  async schedule(incident: Incident): Promise<void> {
    const policy = choosePolicy(this.deps.config, incident);
    // A storm member is escalated through its storm, once for all of them.
    if (!policy || incident.status !== 'open' || incident.stormSeq !== undefined) return;
    const last = policy.stages.length - 1;
    // A reopened incident nobody owns is escalated again, timed from the reopen; a member split out
    // of its storm (whose stages stopped when it joined) from the split.
    const round = [incident.reopenedAt, incident.splitAt]
      .filter((at): at is Date => at !== undefined)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    const from = round ?? incident.openedAt;
    const stages = policy.stages.map((stage, index) => ({
      seq: incident.seq,
      index,
      policy: policy.name,
      notify: stage.notify,
      dueAt: new Date(from.getTime() + stage.afterMs),
      repeatEveryMs: index === last ? policy.repeatLastEveryMs : undefined,
    }));
    const { escalations } = this.deps.store;
    await (round ? escalations.scheduleRound(incident.seq, round, stages) : escalations.schedule(stages));
    await this.tick();
  }

  /**
   * After a change: the page DMs show it; an incident no longer open has its remaining stages
   * cancelled, on the timeline; one reopened and open again starts a new round (once per reopen).
   */
  async stopIfHandled(incident: Incident): Promise<void> {
    await this.deps.pager.refreshDms(incident);
    if (incident.status === 'open') {
      if (incident.reopenedAt || incident.splitAt) await this.schedule(incident);
      // Unsnoozed: what fell due during the snooze fires now, not at the next pass.
      else if (!isSnoozed(incident, this.deps.clock.now())) await this.tick();
      return;
    }
    const now = this.deps.clock.now();
    // A failed StopEngagement is logged and retried by the next pass; it never holds up the stop.
    await this.deps.engagements
      ?.stopFor(incident.seq, incident.status)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, seq: incident.seq }, 'could not stop engagements'),
      );
    if ((await this.deps.store.escalations.cancel(incident.seq, now)) === 0) return;
    const by = incident.status === 'acknowledged' ? ` by <@${incident.acknowledgedBy}>` : '';
    await this.deps.store.mutateIncident(
      incident.seq,
      now,
      annotation(now, 'warroom', `stopped escalating: ${incident.status}${by}`),
      `escalation-stop:${incident.seq}:${incident.version}`,
    );
  }

  /**
   * The impact of an open incident was raised: the policy it would have opened with at that impact
   * now applies. When that is another policy, what is left of the old one is cancelled and the new
   * one starts from its first stage, timed from now. The store claims the change (incident, impact)
   * for one caller: two quick raises, the same raise seen twice or by two processes start it once,
   * and a raise the impact has since moved past starts nothing. A policy already running, or no
   * policy, changes nothing. Lowering the impact never comes here.
   */
  async followRaisedImpact(incident: Incident): Promise<void> {
    await this.snoozes.end(incident, { kind: 'raised', impact: incident.impact });
    const policy = choosePolicy(this.deps.config, incident);
    if (!policy || incident.status !== 'open' || incident.stormSeq !== undefined) return;
    const { escalations } = this.deps.store;
    const stages = await escalations.list(incident.seq);
    if (stages.some((stage) => stage.policy === policy.name && stage.status !== 'cancelled')) return;
    const now = this.deps.clock.now();
    const last = policy.stages.length - 1;
    const written = await escalations.startImpactRound(
      incident.seq,
      incident.impact,
      now,
      policy.stages.map((stage, index) => ({
        seq: incident.seq,
        index,
        policy: policy.name,
        notify: stage.notify,
        dueAt: new Date(now.getTime() + stage.afterMs),
        repeatEveryMs: index === last ? policy.repeatLastEveryMs : undefined,
      })),
    );
    if (written === 0) return;
    await this.deps.store.mutateIncident(
      incident.seq,
      now,
      annotation(
        now,
        'warroom',
        `escalating by policy ${policy.name}: the impact rose to ${incident.impact}`,
      ),
      `escalation-impact:${incident.seq}:${incident.impact}`,
    );
    await this.tick();
  }

  /** A member folded into a storm: its own stages stop (the storm's page for it), on its timeline. */
  async stopForStorm(member: Incident): Promise<void> {
    const now = this.deps.clock.now();
    if ((await this.deps.store.escalations.cancel(member.seq, now)) === 0) return;
    await this.deps.store.mutateIncident(
      member.seq,
      now,
      annotation(now, 'warroom', `stopped escalating: storm INC-${member.stormSeq} escalates for it`),
      `escalation-storm:${member.seq}`,
    );
  }

  /** Pages people by hand (`/incident page`, the card's Page on-call). */
  page(seq: number, targets: readonly NotifyTarget[], by: string, dedupeKey: string): Promise<PageOutcome> {
    return this.deps.pager.page(seq, targets, { kind: 'manual', by }, dedupeKey);
  }

  /** Who "Page on-call" pings: the first stage of the incident's policy, if one applies. */
  onCallFor(incident: Incident): NotifyTarget[] | undefined {
    return choosePolicy(this.deps.config, incident)?.stages[0]?.notify;
  }

  /** Fires due stages and reminders once; a tick during a pass asks for one more pass. */
  tick(): Promise<void> {
    return this.flight.kick();
  }

  idle(): Promise<void> {
    return this.flight.idle();
  }

  get busy(): boolean {
    return this.flight.busy;
  }

  start(): void {
    if (this.timer) return;
    const tick = () =>
      this.tick().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'escalation pass failed'));
    this.timer = setInterval(tick, this.deps.tickMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    await this.snoozes.endDue();
    for (const stage of await this.deps.store.escalations.listDue(this.deps.clock.now(), 50)) {
      try {
        await this.fire(stage);
      } catch (error) {
        this.deps.logger.warn({ err: error, seq: stage.seq, stage: stage.index }, 'escalation stage failed');
      }
    }
    await this.deps.reminders?.pass();
    await this.deps.updateReminders?.pass();
    await this.deps.engagements?.pass();
  }

  private async fire(stage: DueEscalationStage): Promise<void> {
    const { store, clock, logger } = this.deps;
    if (stage.incidentStatus !== 'open') {
      const incident = await store.getIncident(stage.seq);
      if (incident) await this.stopIfHandled(incident);
      return;
    }
    const member = await store.getIncident(stage.seq);
    if (member?.stormSeq !== undefined) return this.stopForStorm(member);
    if (member && (await this.deps.holdsPage?.(member))) return;
    // The 0s stage comes due as the incident opens: wait for its card, whose thread is pinged.
    if (!(await store.getCard(stage.seq, homeChannelOf(member, this.deps.alertChannel)))?.ts) return;
    const now = clock.now();
    if (!(await store.escalations.claim(stage.seq, stage.index, now, new Date(now.getTime() + LEASE_MS))))
      return;
    try {
      const count = this.deps.config.policies[stage.policy]?.stages.length ?? stage.index + 1;
      const repeat = stage.index >= count;
      const reason = {
        kind: 'stage' as const,
        policy: stage.policy,
        index: Math.min(stage.index, count - 1),
        repeat,
      };
      const key = `escalation:${stage.seq}:${stage.index}`;
      const outcome = await this.deps.pager.page(stage.seq, stage.notify, reason, key, {
        resend: true,
        messageKey: `${key}@${stage.dueAt.getTime()}`,
      });
      if (outcome.kind !== 'paged') throw new Error(`not paged: ${outcome.kind}`);
      await this.finish(stage);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.escalations.recordFailure(stage.seq, stage.index, message);
      if (stage.attempts + 1 >= MAX_ATTEMPTS) {
        logger.error({ err: error, seq: stage.seq, stage: stage.index }, 'gave up an escalation stage');
        await store.escalations.markFired(stage.seq, stage.index, clock.now());
      } else throw error;
    }
  }

  /** Fired; with a repeat, the next one is scheduled (from its due time, never in the past). */
  private async finish(stage: DueEscalationStage): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.escalations.markFired(stage.seq, stage.index, now);
    if (stage.repeatEveryMs === undefined) return;
    const dueAt = new Date(Math.max(stage.dueAt.getTime() + stage.repeatEveryMs, now.getTime()));
    await this.deps.store.escalations.schedule([{ ...stage, index: stage.index + 1, dueAt }]);
  }
}
