import type { AlarmMetric, AlertFact, AlertSource, Correlation, Resource } from '../signals/index.ts';
import type { Impact } from './impact.ts';

/** open → acknowledged → mitigated → resolved. Incident Manager only knows OPEN and RESOLVED. */
export type IncidentStatus = 'open' | 'acknowledged' | 'mitigated' | 'resolved';

/** One AWS signal about an incident as its card shows it: the newest, or the most severe still open. */
export interface LatestSignal {
  signalType: string;
  title: string;
  detail: string;
  at: Date;
  facts: AlertFact[];
  /** The impact the signal policy gave it, for signals that open incidents (absent on older records). */
  impact?: Impact;
  /** What a later recovery names to close it: the alarm, the Incident Manager record, the event kind. */
  key?: string;
}

export interface Incident {
  /** Store-assigned sequence; the people-facing id is `INC-<seq>`. */
  seq: number;
  groupKey: string;
  title: string;
  impact: Impact;
  /** Who set the impact last: signals may raise it only while no person has set it. */
  impactSetBy: 'signal' | 'person';
  status: IncidentStatus;
  source: AlertSource;
  resource?: Resource;
  correlation?: Correlation;
  incidentManagerArn?: string;
  accountId?: string;
  region?: string;
  openedAt: Date;
  updatedAt: Date;
  latestSignal: LatestSignal;
  /**
   * Signals whose condition is still open (an alarm not back to OK), one per key, at most
   * MAX_OPEN_SIGNALS: the card shows the most severe of them beside the latest. Absent on incidents
   * stored before warroom kept them, and on incidents declared by hand until a signal arrives.
   */
  openSignals?: LatestSignal[];
  signalCount: number;
  /** Set by a recovery signal (alarm back to OK) while the incident is still open. */
  recoveredAt?: Date;
  /** The raw message of an unrecognised notification, shown clearly labelled. */
  raw?: string;
  /** Slack user who declared it by hand (incidents opened by signals have none). */
  declaredBy?: string;
  acknowledgedBy?: string;
  /** Who took the incident ("Take it" on a page): the person driving it. */
  owner?: string;
  /** The latest status update (`/incident update`, Post update): the card shows it and when. */
  lastUpdate?: { at: Date; by: string; text: string };
  acknowledgedAt?: Date;
  resolvedBy?: string;
  resolvedAt?: Date;
  /** When it was last reopened after a resolve: escalation starts again from here. */
  reopenedAt?: Date;
  /**
   * When impact started, if known before detection: the first signal's own time (an alarm's state
   * change), or what a person set with `/incident started`. Absent: the opening (src/incidents/lifecycle.ts).
   */
  impactStartedAt?: Date;
  /** The Slack user who last set `impactStartedAt` by hand; absent when a signal's time set it. */
  impactStartSetBy?: string;
  /** When the incident was mitigated (impact over, cleanup left); nothing sets it yet but the model. */
  mitigatedAt?: Date;
  /** Every earlier resolution a reopen undid, oldest first: kept for the timeline, times and review. */
  resolutions?: PastResolution[];
  /** The resolution summary, also written to Incident Manager. */
  summary?: string;
  /** The incident's own Slack channel, when one was created. */
  channelId?: string;
  /** The alert-channel card's permalink, once it is linked from Incident Manager. */
  slackPermalink?: string;
  /** Why the incident channel could not be created, shown on the card (never a silent failure). */
  channelError?: string;
  /** The metric of the CloudWatch alarm that opened it, for the picture in the card's thread. */
  metric?: AlarmMetric;
  /** What makes it part of a storm (src/storms/storm-key.ts), set when a signal opened it. */
  stormKey?: string;
  /** Set on a storm incident: the key its members share and what the storm is about. */
  storm?: StormInfo;
  /** Set on a member of a storm: the storm incident's seq. Its card, paging and escalation are the storm's. */
  stormSeq?: number;
  /** When a person split it out of its storm: its own escalation is timed from here. */
  splitAt?: Date;
  /** The route that took the signal which opened it (`routes:`): its channel, policy and owning team. */
  route?: IncidentRoute;
  /**
   * Escalation and reminders paused until `until` (src/incidents/snooze.ts): set by a person, cleared
   * when the time is up, by `/incident unsnooze`, or by a signal raising the impact.
   */
  snooze?: Snooze;
  /** The post-incident review, once drafted (src/reviews/): where it is, and who completed it. */
  review?: IncidentReview;
  /** Bumped on every change; the card is re-rendered until it shows this version. */
  version: number;
}

/** What the card and Incident Manager show of the review; the rest is in the store's review record. */
export interface IncidentReview {
  kind: 'canvas' | 'file';
  /** Where people open it: the canvas, or the thread message with the file. */
  url: string;
  completedBy?: string;
  completedAt?: Date;
}

/** A resolution that a reopen undid, and why it was reopened. */
export interface PastResolution {
  resolvedAt: Date;
  resolvedBy?: string;
  summary?: string;
  reopenedAt: Date;
  reopenedBy: string;
  reason: string;
}

/** Where an incident lives and who owns it, decided once by `routes:` when it opened. */
export interface IncidentRoute {
  /** The route's name; absent when no route matched (the defaults apply). */
  name?: string;
  /** The channel its card is posted in; absent: `slack.alertChannel`. */
  channel?: string;
  /** The escalation policy the route names; absent: `escalationRules` pick. */
  policy?: string;
  team?: string;
  /** Why routes that need tags were passed over (a tag read failed): said on the card. */
  tagsUnavailable?: string;
}

/** Who paused an incident's escalation and reminders, when, and until when. */
export interface Snooze {
  by: string;
  at: Date;
  until: Date;
}

/** What a storm incident is: many resources with the same kind of signal at once. */
export interface StormInfo {
  key: string;
  /** What the members share, in words, e.g. `CPUUtilization alarm` or `RDS failover events`. */
  what: string;
  /** Member incidents' seqs, in the order they joined. */
  members: number[];
  /** The message in the storm card's thread that lists the members, once posted. */
  listTs?: string;
  /**
   * Each member's status and impact as the storm last showed them (`seq:status:impact,…`): a member
   * acknowledged, resolved or re-rated on its own moves the storm's version, so its card follows.
   */
  membersShown?: string;
  /**
   * The Availability Zone of each member's DB instance, by lower-case instance id, as RDS last
   * answered (src/storms/storm-zones.ts). A member missing here has no known zone.
   */
  zones?: Record<string, string>;
}

/** An incident not yet stored (no sequence number). */
export type NewIncident = Omit<Incident, 'seq'>;

export function incidentId(seq: number): string {
  return `INC-${seq}`;
}

export type TimelineKind =
  | 'opened'
  | 'signal'
  | 'recovery'
  | 'annotation'
  | 'declared'
  | 'status'
  | 'impact'
  | 'note'
  /** A status update posted for stakeholders (`/incident update`, the Post update modal). */
  | 'update'
  | 'message'
  /** A runbook requested, approved, started, or its execution changing status. */
  | 'runbook';

export interface TimelineEntry {
  at: Date;
  kind: TimelineKind;
  /** `aws:<source>` for signals, a Slack user id for people. */
  actor: string;
  text: string;
  signalType?: string;
  /** For changes: the value before and after, e.g. 'open' → 'acknowledged', '3' → '2'. */
  from?: string;
  to?: string;
  /** Makes an entry idempotent, e.g. `sns:<MessageId>`. */
  dedupeKey?: string;
}

/** A person acting from Slack. */
export interface SlackActor {
  userId: string;
}
