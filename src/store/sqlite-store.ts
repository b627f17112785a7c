import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SignalChange } from '../incident/apply-alert.ts';
import type { Incident, TimelineEntry } from '../incident/incident.ts';
import { decodeIncident, encodeIncident } from './incident-codec.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import type { CardRecord, InboxItem, InboxStatus, SignalOutcome, Store } from './store.ts';

interface NotificationRow {
  message_id: string;
  topic_arn: string;
  subject: string | null;
  message: string;
  timestamp: string;
  received_at: string;
  attempts: number;
}

interface CardRow {
  incident_seq: number;
  channel: string;
  ts: string | null;
  post_started_at: string;
  rendered_version: number;
}

function toCard(row: CardRow): CardRecord {
  return {
    incidentSeq: row.incident_seq,
    channel: row.channel,
    ts: row.ts ?? undefined,
    postStartedAt: new Date(row.post_started_at),
    renderedVersion: row.rendered_version,
  };
}

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each method
 * is atomic within the process; transactions make multi-row changes atomic against crashes.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the tail).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let step = current; step < MIGRATIONS.length; step++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[step] as string);
        this.db.pragma(`user_version = ${step + 1}`);
      })();
    }
  }

  async saveNotification(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'> {
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

  async listDueNotifications(now: Date, limit: number): Promise<InboxItem[]> {
    const rows = this.db
      .prepare(
        `SELECT message_id, topic_arn, subject, message, timestamp, received_at, attempts FROM notifications
         WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY received_at, rowid LIMIT ?`,
      )
      .all(now.toISOString(), limit) as NotificationRow[];
    return rows.map((row) => ({
      messageId: row.message_id,
      topicArn: row.topic_arn,
      subject: row.subject ?? undefined,
      message: row.message,
      timestamp: new Date(row.timestamp),
      receivedAt: new Date(row.received_at),
      attempts: row.attempts,
    }));
  }

  async countNotifications(status: InboxStatus): Promise<number> {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE status = ?').get(status) as {
      n: number;
    };
    return row.n;
  }

  async applySignal(
    messageId: string,
    groupKey: string,
    now: Date,
    decide: (open: Incident | undefined) => SignalChange,
  ): Promise<SignalOutcome> {
    return this.db.transaction((): SignalOutcome => {
      const status = this.db
        .prepare('SELECT status FROM notifications WHERE message_id = ?')
        .get(messageId) as { status: InboxStatus } | undefined;
      if (status?.status === 'processed') return { change: 'duplicate' };
      const open = this.findOpenIncident(groupKey);
      const change = decide(open);
      let incident: Incident | undefined;
      if (change.kind === 'opened') {
        const result = this.db
          .prepare(
            `INSERT INTO incidents (group_key, open_group_key, status, opened_at, version, data) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            change.incident.groupKey,
            change.incident.groupKey,
            change.incident.status,
            change.incident.openedAt.toISOString(),
            change.incident.version,
            encodeIncident(change.incident),
          );
        incident = { ...change.incident, seq: Number(result.lastInsertRowid) };
        this.insertTimeline(incident.seq, change.entry);
      } else if (change.kind === 'updated') {
        incident = change.incident;
        this.writeIncident(incident);
        this.insertTimeline(incident.seq, change.entry);
      }
      this.db
        .prepare(
          `UPDATE notifications SET status = 'processed', outcome = ?, incident_seq = ?, processed_at = ?,
           attempts = attempts + 1, last_error = NULL WHERE message_id = ?`,
        )
        .run(change.kind, incident?.seq ?? null, now.toISOString(), messageId);
      return { change: change.kind, incident };
    })();
  }

  private findOpenIncident(groupKey: string): Incident | undefined {
    const row = this.db.prepare('SELECT seq, data FROM incidents WHERE open_group_key = ?').get(groupKey) as
      | { seq: number; data: string }
      | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  private writeIncident(incident: Incident): void {
    const { seq, ...rest } = incident;
    this.db
      .prepare('UPDATE incidents SET status = ?, version = ?, open_group_key = ?, data = ? WHERE seq = ?')
      .run(
        incident.status,
        incident.version,
        incident.status === 'resolved' ? null : incident.groupKey,
        encodeIncident(rest),
        seq,
      );
  }

  private insertTimeline(seq: number, entry: TimelineEntry): void {
    this.db
      .prepare(
        `INSERT INTO timeline (incident_seq, at, kind, actor, text, signal_type, dedupe_key)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run(
        seq,
        entry.at.toISOString(),
        entry.kind,
        entry.actor,
        entry.text,
        entry.signalType ?? null,
        entry.dedupeKey ?? null,
      );
  }

  async recordNotificationFailure(
    messageId: string,
    error: string,
    retryAt: Date | undefined,
  ): Promise<void> {
    this.db
      .prepare(
        `UPDATE notifications SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at)
         WHERE message_id = ? AND status = 'pending'`,
      )
      .run(error.slice(0, 2000), retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, messageId);
  }

  async getIncident(seq: number): Promise<Incident | undefined> {
    const row = this.db.prepare('SELECT seq, data FROM incidents WHERE seq = ?').get(seq) as
      | { seq: number; data: string }
      | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  async listOpenIncidents(): Promise<Incident[]> {
    const rows = this.db
      .prepare(`SELECT seq, data FROM incidents WHERE status != 'resolved' ORDER BY opened_at DESC, seq DESC`)
      .all() as Array<{ seq: number; data: string }>;
    return rows.map((row) => decodeIncident(row.seq, row.data));
  }

  async listTimeline(seq: number): Promise<TimelineEntry[]> {
    const rows = this.db
      .prepare(
        'SELECT at, kind, actor, text, signal_type, dedupe_key FROM timeline WHERE incident_seq = ? ORDER BY at, id',
      )
      .all(seq) as Array<{
      at: string;
      kind: TimelineEntry['kind'];
      actor: string;
      text: string;
      signal_type: string | null;
      dedupe_key: string | null;
    }>;
    return rows.map((row) => ({
      at: new Date(row.at),
      kind: row.kind,
      actor: row.actor,
      text: row.text,
      signalType: row.signal_type ?? undefined,
      dedupeKey: row.dedupe_key ?? undefined,
    }));
  }

  async getCard(seq: number): Promise<CardRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM cards WHERE incident_seq = ?').get(seq) as CardRow | undefined;
    return row ? toCard(row) : undefined;
  }

  async beginCardPost(seq: number, channel: string, at: Date): Promise<CardRecord> {
    this.db
      .prepare(
        `INSERT INTO cards (incident_seq, channel, post_started_at) VALUES (?, ?, ?) ON CONFLICT (incident_seq) DO NOTHING`,
      )
      .run(seq, channel, at.toISOString());
    return toCard(this.db.prepare('SELECT * FROM cards WHERE incident_seq = ?').get(seq) as CardRow);
  }

  async recordCardPosted(seq: number, ts: string, version: number): Promise<void> {
    this.db
      .prepare('UPDATE cards SET ts = ?, rendered_version = ? WHERE incident_seq = ?')
      .run(ts, version, seq);
  }

  async recordCardRendered(seq: number, version: number): Promise<void> {
    this.db
      .prepare('UPDATE cards SET rendered_version = MAX(rendered_version, ?) WHERE incident_seq = ?')
      .run(version, seq);
  }

  async listIncidentsNeedingCardSync(): Promise<number[]> {
    const rows = this.db
      .prepare(
        `SELECT i.seq FROM incidents i LEFT JOIN cards c ON c.incident_seq = i.seq
         WHERE c.incident_seq IS NULL OR c.ts IS NULL OR c.rendered_version < i.version ORDER BY i.seq`,
      )
      .all() as Array<{ seq: number }>;
    return rows.map((row) => row.seq);
  }

  isHealthy(): boolean {
    try {
      this.db.prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
