/** An SSM Contacts engagement a page started for an incident (`contact:` targets). */
export interface EngagementRecord {
  engagementArn: string;
  seq: number;
  /** The page request that started it (a stage's or a manual page's dedupe key). */
  dedupeKey: string;
  contactArn: string;
  /** How the contact is named to people: its alias. */
  contactAlias: string;
  /** The Slack user found by the contact's email, if any. */
  slackUser?: string;
  startedAt: Date;
  stoppedAt?: Date;
  acceptedAt?: Date;
  stopAttempts: number;
}

export type NewEngagement = Pick<
  EngagementRecord,
  'engagementArn' | 'seq' | 'dedupeKey' | 'contactArn' | 'contactAlias' | 'slackUser' | 'startedAt'
>;

/** An engagement not yet stopped, with the status its incident has now. */
export interface OpenEngagement extends EngagementRecord {
  incidentStatus: string;
}

/**
 * Engagements, durable so a restart still stops them on acknowledge and still shows acceptance.
 * markAccepted is one conditional UPDATE: only one caller gets true, so acceptance is posted once.
 */
export interface EngagementStore {
  /** Records an engagement once (by ARN); answers false when it was already there. */
  record(engagement: NewEngagement): Promise<boolean>;
  /** The engagement a page request started for a contact, so a retried stage does not start another. */
  find(dedupeKey: string, contactArn: string): Promise<EngagementRecord | undefined>;
  list(seq: number): Promise<EngagementRecord[]>;
  listOpen(limit: number): Promise<OpenEngagement[]>;
  markStopped(engagementArn: string, at: Date): Promise<void>;
  recordStopFailure(engagementArn: string, error: string): Promise<void>;
  /** True for exactly one caller: the page was not yet known to be accepted. */
  markAccepted(engagementArn: string, at: Date): Promise<boolean>;
}
