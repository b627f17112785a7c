import type Database from 'better-sqlite3';
import type { Incident, NewIncident, TimelineEntry } from '../incidents/index.ts';
import { decodeIncident, encodeIncident } from './incident-codec.ts';

export interface TimelineRow {
  at: string;
  kind: TimelineEntry['kind'];
  actor: string;
  text: string;
  signal_type: string | null;
  from_value: string | null;
  to_value: string | null;
  dedupe_key: string | null;
}

/** The incidents and timeline tables. Callers own the transaction. */
export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    at: new Date(row.at),
    kind: row.kind,
    actor: row.actor,
    text: row.text,
    signalType: row.signal_type ?? undefined,
    from: row.from_value ?? undefined,
    to: row.to_value ?? undefined,
    dedupeKey: row.dedupe_key ?? undefined,
  };
}

export class SqliteIncidents {
  constructor(private readonly db: Database.Database) {}

  get(seq: number): Incident | undefined {
    const row = this.db.prepare('SELECT seq, data FROM incidents WHERE seq = ?').get(seq) as
      | { seq: number; data: string }
      | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  findOpen(groupKey: string): Incident | undefined {
    const row = this.db.prepare('SELECT seq, data FROM incidents WHERE open_group_key = ?').get(groupKey) as
      | { seq: number; data: string }
      | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  insert(incident: NewIncident): Incident {
    const result = this.db
      .prepare(
        'INSERT INTO incidents (group_key, open_group_key, status, opened_at, version, data) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        incident.groupKey,
        incident.status === 'resolved' ? null : incident.groupKey,
        incident.status,
        incident.openedAt.toISOString(),
        incident.version,
        encodeIncident(incident),
      );
    return { ...incident, seq: Number(result.lastInsertRowid) };
  }

  /** Throws SQLITE_CONSTRAINT_UNIQUE when reopening would make two open incidents for one problem. */
  write(incident: Incident): void {
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

  /** Inserts the entry unless its dedupe key was seen; answers whether it was inserted. */
  insertTimeline(seq: number, entry: TimelineEntry): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO timeline (incident_seq, at, kind, actor, text, signal_type, from_value, to_value, dedupe_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run(
        seq,
        entry.at.toISOString(),
        entry.kind,
        entry.actor,
        entry.text,
        entry.signalType ?? null,
        entry.from ?? null,
        entry.to ?? null,
        entry.dedupeKey ?? null,
      );
    return result.changes === 1;
  }

  /** The incident a timeline entry with this dedupe key belongs to. */
  findByTimelineKey(dedupeKey: string): Incident | undefined {
    const row = this.db.prepare('SELECT incident_seq FROM timeline WHERE dedupe_key = ?').get(dedupeKey) as
      | { incident_seq: number }
      | undefined;
    return row ? this.get(row.incident_seq) : undefined;
  }

  hasTimelineKey(dedupeKey: string): boolean {
    return this.db.prepare('SELECT 1 FROM timeline WHERE dedupe_key = ?').get(dedupeKey) !== undefined;
  }

  listTimeline(seq: number): TimelineEntry[] {
    const rows = this.db
      .prepare(
        'SELECT at, kind, actor, text, signal_type, from_value, to_value, dedupe_key FROM timeline WHERE incident_seq = ? ORDER BY at, id',
      )
      .all(seq) as TimelineRow[];
    return rows.map(toTimelineEntry);
  }

  listOpen(): Incident[] {
    const rows = this.db
      .prepare(`SELECT seq, data FROM incidents WHERE status != 'resolved' ORDER BY opened_at DESC, seq DESC`)
      .all() as Array<{ seq: number; data: string }>;
    return rows.map((row) => decodeIncident(row.seq, row.data));
  }

  findByChannel(channelId: string): Incident | undefined {
    const row = this.db
      .prepare(
        `SELECT seq, data FROM incidents WHERE json_extract(data, '$.channelId') = ? ORDER BY seq DESC LIMIT 1`,
      )
      .get(channelId) as { seq: number; data: string } | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  /** The incident whose card is the message `ts` in `channel`, resolved or not. */
  findByCard(channel: string, ts: string): Incident | undefined {
    const row = this.db
      .prepare(
        `SELECT i.seq, i.data FROM incidents i JOIN cards c ON c.incident_seq = i.seq
         WHERE c.channel = ? AND c.ts = ? LIMIT 1`,
      )
      .get(channel, ts) as { seq: number; data: string } | undefined;
    return row ? decodeIncident(row.seq, row.data) : undefined;
  }

  /** Open incidents whose card was posted in a channel, newest first. */
  listOpenCardedIn(channelId: string): Incident[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT i.seq, i.data FROM incidents i JOIN cards c ON c.incident_seq = i.seq
         WHERE c.channel = ? AND i.status != 'resolved' ORDER BY i.seq DESC`,
      )
      .all(channelId) as Array<{ seq: number; data: string }>;
    return rows.map((row) => decodeIncident(row.seq, row.data));
  }
}
