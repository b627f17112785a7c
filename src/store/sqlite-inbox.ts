import type Database from 'better-sqlite3';
import { inboxPartOf } from './inbox-parts.ts';
import type { InboxItem, InboxStatus } from './store.ts';

interface NotificationRow {
  message_id: string;
  topic_arn: string;
  subject: string | null;
  message: string;
  timestamp: string;
  received_at: string;
  attempts: number;
}

/** The notifications table: the inbox every SNS message is written to before /sns answers 2xx. */
export class SqliteInbox {
  constructor(private readonly db: Database.Database) {}

  save(item: Omit<InboxItem, 'attempts'>): 'stored' | 'duplicate' {
    const result = this.db
      .prepare(
        `INSERT INTO notifications (message_id, topic_arn, subject, message, timestamp, received_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING`,
      )
      .run(
        item.messageId,
        item.topicArn,
        item.subject ?? null,
        item.message,
        item.timestamp.toISOString(),
        item.receivedAt.toISOString(),
        item.receivedAt.toISOString(),
      );
    return result.changes === 1 ? 'stored' : 'duplicate';
  }

  listDue(now: Date, limit: number, part?: number): InboxItem[] {
    const select = this.db.prepare(
      `SELECT message_id, topic_arn, subject, message, timestamp, received_at, attempts FROM notifications
       WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY received_at, rowid LIMIT ? OFFSET ?`,
    );
    const rows: NotificationRow[] = [];
    // A part is picked by a hash of the MessageId, which SQL cannot compute: read pages in order
    // and keep that part's rows (parts are asked for only by several replicas, i.e. not on SQLite).
    const page = part === undefined ? limit : limit * 4;
    for (let offset = 0; rows.length < limit; offset += page) {
      const batch = select.all(now.toISOString(), page, offset) as NotificationRow[];
      rows.push(...batch.filter((row) => part === undefined || inboxPartOf(row.message_id) === part));
      if (batch.length < page) break;
    }
    return rows.slice(0, limit).map((row) => ({
      messageId: row.message_id,
      topicArn: row.topic_arn,
      subject: row.subject ?? undefined,
      message: row.message,
      timestamp: new Date(row.timestamp),
      receivedAt: new Date(row.received_at),
      attempts: row.attempts,
    }));
  }

  count(status: InboxStatus): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE status = ?').get(status) as { n: number }
    ).n;
  }

  isProcessed(messageId: string): boolean {
    const row = this.db.prepare('SELECT status FROM notifications WHERE message_id = ?').get(messageId) as
      | { status: InboxStatus }
      | undefined;
    return row?.status === 'processed';
  }

  markProcessed(messageId: string, outcome: string, incidentSeq: number | undefined, now: Date): void {
    this.db
      .prepare(
        `UPDATE notifications SET status = 'processed', outcome = ?, incident_seq = ?, processed_at = ?,
         attempts = attempts + 1, last_error = NULL WHERE message_id = ?`,
      )
      .run(outcome, incidentSeq ?? null, now.toISOString(), messageId);
  }

  recordFailure(messageId: string, error: string, retryAt: Date | undefined): void {
    this.db
      .prepare(
        `UPDATE notifications SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at)
         WHERE message_id = ? AND status = 'pending'`,
      )
      .run(error.slice(0, 2000), retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, messageId);
  }
}
