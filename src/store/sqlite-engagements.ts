import type Database from 'better-sqlite3';
import type { EngagementRecord, EngagementStore, NewEngagement, OpenEngagement } from './engagement-store.ts';

export interface EngagementRow {
  engagement_arn: string;
  incident_seq: number;
  dedupe_key: string;
  contact_arn: string;
  contact_alias: string;
  slack_user: string | null;
  started_at: string;
  stopped_at: string | null;
  accepted_at: string | null;
  stop_attempts: number;
  incident_status?: string;
}

const date = (text: string | null) => (text === null ? undefined : new Date(text));

export function toEngagement(row: EngagementRow): EngagementRecord {
  return {
    engagementArn: row.engagement_arn,
    seq: row.incident_seq,
    dedupeKey: row.dedupe_key,
    contactArn: row.contact_arn,
    contactAlias: row.contact_alias,
    slackUser: row.slack_user ?? undefined,
    startedAt: new Date(row.started_at),
    stoppedAt: date(row.stopped_at),
    acceptedAt: date(row.accepted_at),
    stopAttempts: row.stop_attempts,
  };
}

/** The contact_engagements table. */
export class SqliteEngagements implements EngagementStore {
  constructor(private readonly db: Database.Database) {}

  async record(engagement: NewEngagement): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO contact_engagements
           (engagement_arn, incident_seq, dedupe_key, contact_arn, contact_alias, slack_user, started_at)
         VALUES (@arn, @seq, @key, @contactArn, @alias, @slackUser, @startedAt)
         ON CONFLICT (engagement_arn) DO NOTHING`,
      )
      .run({
        arn: engagement.engagementArn,
        seq: engagement.seq,
        key: engagement.dedupeKey,
        contactArn: engagement.contactArn,
        alias: engagement.contactAlias,
        slackUser: engagement.slackUser ?? null,
        startedAt: engagement.startedAt.toISOString(),
      });
    return result.changes === 1;
  }

  async find(dedupeKey: string, contactArn: string): Promise<EngagementRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM contact_engagements WHERE dedupe_key = ? AND contact_arn = ?')
      .get(dedupeKey, contactArn) as EngagementRow | undefined;
    return row ? toEngagement(row) : undefined;
  }

  async list(seq: number): Promise<EngagementRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM contact_engagements WHERE incident_seq = ? ORDER BY started_at')
      .all(seq) as EngagementRow[];
    return rows.map(toEngagement);
  }

  async listOpen(limit: number): Promise<OpenEngagement[]> {
    const rows = this.db
      .prepare(
        `SELECT e.*, i.status AS incident_status FROM contact_engagements e
         JOIN incidents i ON i.seq = e.incident_seq
         WHERE e.stopped_at IS NULL ORDER BY e.started_at LIMIT ?`,
      )
      .all(limit) as EngagementRow[];
    return rows.map((row) => ({ ...toEngagement(row), incidentStatus: row.incident_status ?? 'open' }));
  }

  async markStopped(engagementArn: string, at: Date): Promise<void> {
    this.db
      .prepare(
        'UPDATE contact_engagements SET stopped_at = ? WHERE engagement_arn = ? AND stopped_at IS NULL',
      )
      .run(at.toISOString(), engagementArn);
  }

  async recordStopFailure(engagementArn: string, error: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE contact_engagements SET stop_attempts = stop_attempts + 1, last_error = ?
         WHERE engagement_arn = ?`,
      )
      .run(error.slice(0, 500), engagementArn);
  }

  async markAccepted(engagementArn: string, at: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        'UPDATE contact_engagements SET accepted_at = ? WHERE engagement_arn = ? AND accepted_at IS NULL',
      )
      .run(at.toISOString(), engagementArn);
    return result.changes === 1;
  }
}
