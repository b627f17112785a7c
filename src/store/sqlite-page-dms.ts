import type Database from 'better-sqlite3';
import type { PageReason } from '../paging/index.ts';
import type { PageDmRecord, PageDmStore } from './page-dm-store.ts';

export interface PageDmRow {
  channel: string;
  ts: string;
  incident_seq: number;
  reason: string;
  rendered_version: number;
  member_seq: number | null;
}

export function toPageDm(row: PageDmRow): PageDmRecord {
  return {
    channel: row.channel,
    ts: row.ts,
    seq: row.incident_seq,
    reason: JSON.parse(row.reason) as PageReason,
    renderedVersion: row.rendered_version,
    ...(row.member_seq !== null ? { memberSeq: row.member_seq } : {}),
  };
}

/** The page_dms table. */
export class SqlitePageDms implements PageDmStore {
  constructor(private readonly db: Database.Database) {}

  async record(dm: PageDmRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO page_dms (channel, ts, incident_seq, reason, rendered_version)
         VALUES (@channel, @ts, @seq, @reason, @version) ON CONFLICT (channel, ts) DO NOTHING`,
      )
      .run({
        channel: dm.channel,
        ts: dm.ts,
        seq: dm.seq,
        reason: JSON.stringify(dm.reason),
        version: dm.renderedVersion,
      });
  }

  async listBehind(seq: number, version: number): Promise<PageDmRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM page_dms WHERE incident_seq = ? AND rendered_version < ? ORDER BY ts')
      .all(seq, version) as PageDmRow[];
    return rows.map(toPageDm);
  }

  async listFor(seq: number): Promise<PageDmRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM page_dms WHERE incident_seq = ? ORDER BY ts')
      .all(seq) as PageDmRow[];
    return rows.map(toPageDm);
  }

  async moveToStorm(memberSeq: number, stormSeq: number): Promise<number> {
    return this.db
      .prepare(
        'UPDATE page_dms SET incident_seq = ?, member_seq = ?, rendered_version = 0 WHERE incident_seq = ?',
      )
      .run(stormSeq, memberSeq, memberSeq).changes;
  }

  async markRendered(channel: string, ts: string, version: number): Promise<void> {
    this.db
      .prepare('UPDATE page_dms SET rendered_version = MAX(rendered_version, ?) WHERE channel = ? AND ts = ?')
      .run(version, channel, ts);
  }
}
