import type Database from 'better-sqlite3';
import type { CardRecord } from './store.ts';

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

/** The cards table: where each incident's Slack card is, and which version it shows. */
export class SqliteCards {
  constructor(private readonly db: Database.Database) {}

  get(seq: number): CardRecord | undefined {
    const row = this.db.prepare('SELECT * FROM cards WHERE incident_seq = ?').get(seq) as CardRow | undefined;
    return row ? toCard(row) : undefined;
  }

  begin(seq: number, channel: string, at: Date): CardRecord {
    this.db
      .prepare(
        'INSERT INTO cards (incident_seq, channel, post_started_at) VALUES (?, ?, ?) ON CONFLICT (incident_seq) DO NOTHING',
      )
      .run(seq, channel, at.toISOString());
    return this.get(seq) as CardRecord;
  }

  recordPosted(seq: number, ts: string, version: number): void {
    this.db
      .prepare('UPDATE cards SET ts = ?, rendered_version = ? WHERE incident_seq = ?')
      .run(ts, version, seq);
  }

  recordRendered(seq: number, version: number): void {
    this.db
      .prepare('UPDATE cards SET rendered_version = MAX(rendered_version, ?) WHERE incident_seq = ?')
      .run(version, seq);
  }

  listNeedingSync(): number[] {
    const rows = this.db
      .prepare(
        `SELECT i.seq FROM incidents i LEFT JOIN cards c ON c.incident_seq = i.seq
         WHERE c.incident_seq IS NULL OR c.ts IS NULL OR c.rendered_version < i.version ORDER BY i.seq`,
      )
      .all() as Array<{ seq: number }>;
    return rows.map((row) => row.seq);
  }
}
