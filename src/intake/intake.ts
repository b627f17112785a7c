import type { IncidentRecordReader } from '../aws/incident-record.ts';
import type { Clock } from '../clock.ts';
import type { Impact, Incident, IncidentRoute } from '../incidents/index.ts';
import { applyAlert } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Alert, AutomationStatusEvent } from '../signals/index.ts';
import {
  decideSignal,
  groupKeyFor,
  type SignalPolicyRule,
  signalTypesOf,
  withTopicLocation,
} from '../signals/index.ts';
import { INBOX_PARTS } from '../store/inbox-parts.ts';
import type { InboxItem, Store } from '../store/store.ts';
import { type StormGrouper, stormKeyFor } from '../storms/index.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { SingleFlight } from '../work/single-flight.ts';
import type { ParseNotification } from './parse-context.ts';

/** An incident that changed: its number, and what makes it a storm or a storm's member. */
export interface ChangedIncident {
  seq: number;
  /** Set on a member: its storm. */
  stormSeq?: number;
  /** Truthy on a storm itself. */
  storm?: unknown;
}

export interface IntakeDeps {
  /** Leases shared with the other replicas on the store: one drains each part of the inbox. */
  leased?: LeasedWork;
  store: Store;
  parse: ParseNotification;
  incidentRecords: IncidentRecordReader;
  signalRules: readonly SignalPolicyRule[];
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /**
   * Called after a notification changed an incident (the card follows), with the incident as it
   * is now, or only its number and its storm's: what follows it needs not read it again to know.
   */
  onIncidentChanged: (changed: ChangedIncident) => void;
  /** Called when a notification opened a new incident. */
  onIncidentOpened?: (incident: Incident) => void;
  /** A later signal made an incident's impact worse (from `from`): its escalation is looked at again. */
  onImpactRaised?: (incident: Incident, from: Impact) => void;
  /** Groups incidents opened together into storms (src/storms/); without it none forms. */
  storms?: StormGrouper;
  /** An incident opened before its storm formed was folded into it: its own escalation stops. */
  onJoinedStorm?: (member: Incident) => void;
  /**
   * An SSM Automation status event arrived: answers whether warroom follows that execution (and
   * then looks at it now). Such events never go through grouping; without this hook none is followed.
   */
  onAutomationEvent?: (event: AutomationStatusEvent) => Promise<boolean>;
  /**
   * Where `routes:` sends a signal that may open an incident (tags read here, off the SNS accept
   * path); without it, or when it answers undefined, the defaults apply.
   */
  route?: (alert: Alert, impact: Impact) => Promise<IncidentRoute | undefined>;
  maxAttempts?: number;
}

const BATCH = 200;

/**
 * Processes the inbox: every stored notification is parsed, grouped and applied to the incident
 * store exactly once. Runs after each POST /sns, at start-up (what a crash left pending) and on a
 * timer (retries). One drain at a time, so notifications apply in the order they arrived.
 */
export class IntakeProcessor {
  private readonly flight = new SingleFlight(() => this.drain());

  constructor(private readonly deps: IntakeDeps) {}

  /** Starts a drain, or asks the running one to look again when it finishes. */
  kick(): Promise<void> {
    return this.flight.kick();
  }

  idle(): Promise<void> {
    return this.flight.idle();
  }

  get busy(): boolean {
    return this.flight.busy;
  }

  private async drain(): Promise<void> {
    const { store, clock, metrics, leased } = this.deps;
    if (!leased) await this.drainPart(undefined);
    else {
      // Replicas sharing the store drain the inbox's parts under leases, one replica per part: a
      // storm is shared out instead of every replica applying the same notifications side by side.
      for (let part = 0; part < INBOX_PARTS; part++) {
        // Nothing due in it: no lease to take.
        if ((await store.listDueNotifications(clock.now(), 1, part)).length === 0) continue;
        await leased.run(`inbox:${part}`, () => this.drainPart(part));
      }
    }
    metrics.inboxPending.set(await store.countNotifications('pending'));
  }

  private async drainPart(part: number | undefined): Promise<void> {
    const { store, clock } = this.deps;
    for (;;) {
      const items = await store.listDueNotifications(clock.now(), BATCH, part);
      for (const item of items) await this.process(item);
      if (items.length < BATCH) return;
    }
  }

  private async process(item: InboxItem): Promise<void> {
    const { store, clock, logger, metrics } = this.deps;
    try {
      const parsed = await this.deps.parse(
        {
          messageId: item.messageId,
          topicArn: item.topicArn,
          subject: item.subject,
          message: item.message,
          timestamp: item.timestamp,
        },
        { incidentRecords: this.deps.incidentRecords, logger },
      );
      if (parsed.automation) return await this.processAutomationEvent(item, parsed, parsed.automation);
      const alert = withTopicLocation(parsed, item.topicArn);
      const decision = decideSignal(signalTypesOf(alert), alert.suggestedImpact, this.deps.signalRules);
      const groupKey = groupKeyFor(alert);
      const opens = decision.effect === 'open' || decision.effect === 'annotate-or-open';
      const route = opens ? await this.deps.route?.(alert, decision.impact) : undefined;
      const now = clock.now();
      let before: Impact | undefined;
      const outcome = await store.applySignal(item.messageId, groupKey, now, (open) => {
        before = open?.impact;
        return applyAlert({
          open,
          alert,
          decision,
          groupKey,
          messageId: item.messageId,
          now,
          stormKey: stormKeyFor(alert, route?.name),
          ...(route ? { route } : {}),
        });
      });
      metrics.signalsProcessed.inc({ source: alert.source, outcome: outcome.change });
      if (outcome.change === 'opened') metrics.incidentsOpened.inc({ source: alert.source });
      if (outcome.change === 'unmatched') {
        logger.info(
          { messageId: item.messageId, signalType: alert.signalType, groupKey },
          'signal kept in the inbox: no open incident to attach it to',
        );
      }
      if (outcome.incident) await this.follow(outcome.change, outcome.incident);
      if (
        outcome.change === 'updated' &&
        outcome.incident &&
        before !== undefined &&
        outcome.incident.impact < before
      )
        this.deps.onImpactRaised?.(outcome.incident, before);
    } catch (error) {
      const attempts = item.attempts + 1;
      const giveUp = attempts >= (this.deps.maxAttempts ?? 10);
      const retryAt = giveUp
        ? undefined
        : new Date(clock.now().getTime() + Math.min(300_000, 1000 * 2 ** attempts));
      await store.recordNotificationFailure(
        item.messageId,
        (error as Error).message ?? String(error),
        retryAt,
      );
      metrics.signalsProcessed.inc({ source: 'unknown', outcome: giveUp ? 'failed' : 'retry' });
      logger.error(
        { err: error, messageId: item.messageId, attempts, giveUp },
        'processing a notification failed',
      );
    }
  }

  /**
   * What follows a change: its card, and for a new incident its storm or its own paging. A member
   * of a storm is paged, escalated and carded through the storm; the storm follows its counts.
   */
  private async follow(change: string, incident: Incident): Promise<void> {
    const { storms, onIncidentChanged, onIncidentOpened } = this.deps;
    const grouped =
      change === 'opened' && storms ? await storms.afterOpened(incident) : { kind: 'none' as const };
    if (grouped.kind === 'formed') {
      for (const member of grouped.members) {
        onIncidentChanged(member);
        this.deps.onJoinedStorm?.(member);
      }
      if (!grouped.members.some((member) => member.seq === incident.seq)) onIncidentChanged(incident);
      onIncidentChanged(grouped.storm);
      onIncidentOpened?.(grouped.storm);
      return;
    }
    if (grouped.kind === 'joined') {
      onIncidentChanged({ seq: incident.seq, stormSeq: grouped.storm.seq });
      return onIncidentChanged(grouped.storm);
    }
    onIncidentChanged(incident);
    if (change === 'opened') return onIncidentOpened?.(incident);
    if (incident.stormSeq !== undefined && storms) {
      await storms.refresh(incident.stormSeq);
      onIncidentChanged({ seq: incident.stormSeq, storm: true });
    }
  }

  /** Not an incident: the follower looks at the execution now, if it is one warroom follows. */
  private async processAutomationEvent(item: InboxItem, alert: Alert, event: AutomationStatusEvent) {
    const followed = (await this.deps.onAutomationEvent?.(event)) ?? false;
    const outcome = followed ? 'automation' : 'unmatched';
    await this.deps.store.markNotificationProcessed(item.messageId, outcome, this.deps.clock.now());
    this.deps.metrics.signalsProcessed.inc({ source: alert.source, outcome });
    if (!followed) {
      this.deps.logger.info(
        { messageId: item.messageId, signalType: alert.signalType, executionId: event.executionId },
        'automation event about an execution warroom does not follow',
      );
    }
  }
}
