import type { SignalChange } from '../incident/apply-alert.ts';
import type { Incident, TimelineEntry } from '../incident/incident.ts';

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
  /** Saves a verified notification; a MessageId seen before answers 'duplicate' and changes nothing. */
  saveNotification(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'>;
  /** Pending notifications whose retry time has come, oldest first. */
  listDueNotifications(now: Date, limit: number): Promise<InboxItem[]>;
  countNotifications(status: InboxStatus): Promise<number>;
  applySignal(
    messageId: string,
    groupKey: string,
    now: Date,
    decide: (open: Incident | undefined) => SignalChange,
  ): Promise<SignalOutcome>;
  /** Records a failed attempt; the notification is retried at `retryAt`, or marked failed for good. */
  recordNotificationFailure(messageId: string, error: string, retryAt: Date | undefined): Promise<void>;

  getIncident(seq: number): Promise<Incident | undefined>;
  listOpenIncidents(): Promise<Incident[]>;
  listTimeline(seq: number): Promise<TimelineEntry[]>;

  getCard(seq: number): Promise<CardRecord | undefined>;
  /** Records the intent to post before posting: after a crash, a card with no ts is looked for, not re-posted blindly. */
  beginCardPost(seq: number, channel: string, at: Date): Promise<CardRecord>;
  recordCardPosted(seq: number, ts: string, version: number): Promise<void>;
  recordCardRendered(seq: number, version: number): Promise<void>;
  /** Incidents whose card is missing, unconfirmed or older than the incident. */
  listIncidentsNeedingCardSync(): Promise<number[]>;

  isHealthy(): boolean;
  close(): void;
}
