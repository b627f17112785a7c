import type { IncidentManagerWrite } from '../incident-manager/index.ts';
import type { Incident, NewIncident, SignalChange, TimelineEntry, Transition } from '../incidents/index.ts';
import type { EngagementStore } from './engagement-store.ts';
import type { EscalationStore } from './escalation-store.ts';
import type { FollowUpStore } from './follow-up-store.ts';
import type { LeaseStore } from './lease-store.ts';
import type { OutboxItem } from './outbox.ts';
import type { PageDmStore } from './page-dm-store.ts';
import type { ReviewStore } from './review-store.ts';
import type { RunbookStore } from './runbook-store.ts';
import type { SnapshotWatchStore } from './snapshot-watch-store.ts';

/** A verified SNS notification waiting in (or done with) the inbox. */
export interface InboxItem {
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  timestamp: Date;
  receivedAt: Date;
  attempts: number;
}

export type InboxStatus = 'pending' | 'processed' | 'failed';

/** Where an incident's card lives in Slack. `ts` is absent while a post is in flight. */
export interface CardRecord {
  incidentSeq: number;
  channel: string;
  ts?: string;
  /** When the post was first attempted: bounds the search for a card posted just before a crash. */
  postStartedAt: Date;
  renderedVersion: number;
}

/** What a person's change did. */
export type MutationOutcome =
  | { kind: 'changed'; incident: Incident; entry: TimelineEntry }
  | { kind: 'unchanged'; incident: Incident; code: string; message: string }
  /** The same request (same dedupe key) was applied before: nothing changed now. */
  | { kind: 'duplicate'; incident: Incident }
  | { kind: 'not-found' };

export interface SignalOutcome {
  change: SignalChange['kind'] | 'duplicate';
  incident?: Incident;
}

/**
 * The store port. The SQLite adapter is the default; every method is atomic on its own, and
 * `applySignal` makes "read the open incident, decide, write incident + timeline + mark the
 * notification processed" one transaction, so a crash replays a notification whole or not at all.
 */
export interface Store {
  /** Runbook executions and two-person requests (runbook-store.ts). */
  readonly runbooks: RunbookStore;
  /** Snapshots taken from Slack, watched until reported (snapshot-watch-store.ts). */
  readonly snapshotWatches: SnapshotWatchStore;
  /** Escalation stages scheduled for incidents (escalation-store.ts). */
  readonly escalations: EscalationStore;
  /** SSM Contacts engagements of `contact:` targets. */
  readonly engagements: EngagementStore;
  /** DMs sent to paged people, updated as the incident moves on. */
  readonly pageDms: PageDmStore;
  /** Leases on work any replica may pick up (lease-store.ts). */
  readonly leases: LeaseStore;
  /** Post-incident reviews: where each went, draft or complete (review-store.ts). */
  readonly reviews: ReviewStore;
  /** Follow-ups of incidents, tracked to done (follow-up-store.ts). */
  readonly followUps: FollowUpStore;
  /** Saves a verified notification; a MessageId seen before answers 'duplicate' and changes nothing. */
  saveNotification(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'>;
  /** Pending notifications whose retry time has come, oldest first. */
  /**
   * With `part`, only the notifications of that part of the inbox (`inboxPartOf` their MessageId,
   * inbox-parts.ts): replicas drain the parts under leases.
   */
  listDueNotifications(now: Date, limit: number, part?: number): Promise<InboxItem[]>;
  countNotifications(status: InboxStatus): Promise<number>;
  applySignal(
    messageId: string,
    groupKey: string,
    now: Date,
    decide: (open: Incident | undefined) => SignalChange,
  ): Promise<SignalOutcome>;
  /**
   * Marks a notification processed without touching any incident (an SSM Automation status event
   * is handed to the runbook follower, not grouped); `outcome` is recorded as applySignal's is.
   */
  markNotificationProcessed(messageId: string, outcome: string, now: Date): Promise<void>;
  /** Records a failed attempt; the notification is retried at `retryAt`, or marked failed for good. */
  recordNotificationFailure(messageId: string, error: string, retryAt: Date | undefined): Promise<void>;

  getIncident(seq: number): Promise<Incident | undefined>;
  /** Several incidents at once, in the order asked; those not stored are left out (a storm's members). */
  getIncidents(seqs: readonly number[]): Promise<Incident[]>;
  listOpenIncidents(): Promise<Incident[]>;
  listTimeline(seq: number): Promise<TimelineEntry[]>;
  /** The incident whose own channel this is. */
  findIncidentByChannel(channelId: string): Promise<Incident | undefined>;
  /** The incident whose card is the message `ts` in `channel` (a reply's thread_ts names its card). */
  findIncidentByCard(channel: string, ts: string): Promise<Incident | undefined>;
  /** Open incidents whose card is in this channel, newest first. */
  listOpenIncidentsCardedIn(channelId: string): Promise<Incident[]>;

  /**
   * Applies a person's change atomically: reads the incident, runs the pure `change`, writes the
   * incident, its one timeline entry and the Incident Manager writes it implies, or nothing. A
   * repeated `dedupeKey` (a Slack retry, a double-submitted modal) answers 'duplicate'.
   */
  mutateIncident(
    seq: number,
    now: Date,
    change: (incident: Incident) => Transition,
    dedupeKey?: string,
  ): Promise<MutationOutcome>;
  /**
   * Opens an incident declared by a person, with its first timeline entry and any extra writes. An
   * entry whose dedupe key was seen (a modal submitted twice) returns that incident, not a new one.
   */
  createIncident(
    incident: NewIncident,
    entry: TimelineEntry,
    extraWrites?: readonly IncidentManagerWrite[],
  ): Promise<{ incident: Incident; created: boolean }>;
  /**
   * Puts incidents into a storm in one transaction: the storm is created first when `storm` is a
   * new one (a repeated `entry.dedupeKey` finds the one created before); each member then names the
   * storm, the storm lists it, and both timelines say so. Members already in it are skipped.
   */
  joinStorm(
    storm: { create: NewIncident; entry: TimelineEntry } | { seq: number },
    memberSeqs: readonly number[],
    now: Date,
  ): Promise<{ storm: Incident; members: Incident[] } | undefined>;
  /** Links an incident to its Incident Manager record (after StartIncident), as one timeline entry. */
  linkIncidentManager(seq: number, arn: string, now: Date): Promise<void>;

  listDueOutbox(now: Date, limit: number): Promise<OutboxItem[]>;
  listUnfinishedOutbox(seq: number): Promise<OutboxItem[]>;
  completeOutbox(id: number, now: Date): Promise<void>;
  failOutbox(id: number, error: string, retryAt: Date | undefined): Promise<void>;

  getCard(seq: number, channel: string): Promise<CardRecord | undefined>;
  /** Every card of an incident: the alert channel's, and its own channel's when it has one. */
  listCards(seq: number): Promise<CardRecord[]>;
  /** Records the intent to post before posting: after a crash, a card with no ts is looked for, not re-posted blindly. */
  beginCardPost(seq: number, channel: string, at: Date): Promise<CardRecord>;
  recordCardPosted(seq: number, channel: string, ts: string, version: number): Promise<void>;
  recordCardRendered(seq: number, channel: string, version: number): Promise<void>;
  /** Incidents whose card is missing, unconfirmed or older than the incident. */
  listIncidentsNeedingCardSync(): Promise<number[]>;

  isHealthy(): boolean;
  close(): void;
}
