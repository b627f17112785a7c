import type Database from 'better-sqlite3';
import type { CardRecord } from './store.ts';

export interface CardRow {
  incident_seq: number;
  channel: string;
  ts: string | null;
  post_started_at: string;
  rendered_version: number;
}

export function toCard(row: CardRow): CardRecord {
  return {
    incidentSeq: row.incident_seq,
    channel: row.channel,
    ts: row.ts ?? undefined,
    postStartedAt: new Date(row.post_started_at),
    renderedVersion: row.rendered_version,
  };
}

/** The cards table: where each incident's Slack cards are (one per channel), and which version each shows. */
export class SqliteCards {
  constructor(private readonly db: Database.Database) {}

  get(seq: number, channel: string): CardRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM cards WHERE incident_seq = ? AND channel = ?')
      .get(seq, channel) as CardRow | undefined;
    return row ? toCard(row) : undefined;
  }

  list(seq: number): CardRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM cards WHERE incident_seq = ? ORDER BY post_started_at')
      .all(seq) as CardRow[];
    return rows.map(toCard);
  }

  begin(seq: number, channel: string, at: Date): CardRecord {
    this.db
      .prepare(
        'INSERT INTO cards (incident_seq, channel, post_started_at) VALUES (?, ?, ?) ON CONFLICT (incident_seq, channel) DO NOTHING',
      )
      .run(seq, channel, at.toISOString());
    return this.get(seq, channel) as CardRecord;
  }

  recordPosted(seq: number, channel: string, ts: string, version: number): void {
    this.db
      .prepare('UPDATE cards SET ts = ?, rendered_version = ? WHERE incident_seq = ? AND channel = ?')
      .run(ts, version, seq, channel);
  }

  recordRendered(seq: number, channel: string, version: number): void {
    this.db
      .prepare(
        'UPDATE cards SET rendered_version = MAX(rendered_version, ?) WHERE incident_seq = ? AND channel = ?',
      )
      .run(version, seq, channel);
  }

  /** Incidents with no card yet, a card unconfirmed or stale, or an incident channel without its card. */
  listNeedingSync(): number[] {
    const rows = this.db
      .prepare(
        `SELECT i.seq FROM incidents i
         WHERE (NOT EXISTS (SELECT 1 FROM cards c WHERE c.incident_seq = i.seq)
                -- A storm member is shown on its storm's card; it has none of its own unless it had one before.
                AND json_extract(i.data, '$.stormSeq') IS NULL)
            OR EXISTS (SELECT 1 FROM cards c WHERE c.incident_seq = i.seq AND (c.ts IS NULL OR c.rendered_version < i.version))
            OR (json_extract(i.data, '$.channelId') IS NOT NULL AND NOT EXISTS (
                 SELECT 1 FROM cards c WHERE c.incident_seq = i.seq AND c.channel = json_extract(i.data, '$.channelId')))
         ORDER BY i.seq`,
      )
      .all() as Array<{ seq: number }>;
    return rows.map((row) => row.seq);
  }
}
