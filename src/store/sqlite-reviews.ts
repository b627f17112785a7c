import type Database from 'better-sqlite3';
import type { ReviewPlace, ReviewRecord, ReviewStore } from './review-store.ts';

export interface ReviewRow {
  incident_seq: number;
  status: 'draft' | 'complete';
  claimed_by: string;
  claimed_at: string;
  place: string | null;
  generated_at: string | null;
  completed_by: string | null;
  completed_at: string | null;
}

/** A `reviews` row as the port's record (also how `store:copy` reads it). */
export function toReview(row: ReviewRow): ReviewRecord {
  return {
    seq: row.incident_seq,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: new Date(row.claimed_at),
    ...(row.place ? { place: JSON.parse(row.place) as ReviewPlace } : {}),
    ...(row.generated_at ? { generatedAt: new Date(row.generated_at) } : {}),
    ...(row.completed_by ? { completedBy: row.completed_by } : {}),
    ...(row.completed_at ? { completedAt: new Date(row.completed_at) } : {}),
  };
}

/** The reviews table: each decision is one conditional statement, atomic between processes. */
export class SqliteReviews implements ReviewStore {
  constructor(private readonly db: Database.Database) {}

  async get(seq: number): Promise<ReviewRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM reviews WHERE incident_seq = ?').get(seq) as
      | ReviewRow
      | undefined;
    return row ? toReview(row) : undefined;
  }

  async claim(seq: number, owner: string, now: Date, staleBefore: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO reviews (incident_seq, status, claimed_by, claimed_at) VALUES (@seq, 'draft', @owner, @now)
         ON CONFLICT (incident_seq) DO UPDATE SET claimed_by = @owner, claimed_at = @now
         WHERE reviews.place IS NULL AND reviews.claimed_at <= @stale`,
      )
      .run({ seq, owner, now: now.toISOString(), stale: staleBefore.toISOString() });
    return result.changes === 1;
  }

  async recordDelivered(seq: number, place: ReviewPlace, at: Date): Promise<void> {
    this.db
      .prepare('UPDATE reviews SET place = ?, generated_at = ? WHERE incident_seq = ?')
      .run(JSON.stringify(place), at.toISOString(), seq);
  }

  async recordGenerated(seq: number, at: Date): Promise<boolean> {
    const result = this.db
      .prepare(`UPDATE reviews SET generated_at = ? WHERE incident_seq = ? AND status = 'draft'`)
      .run(at.toISOString(), seq);
    return result.changes === 1;
  }

  async complete(seq: number, by: string, at: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE reviews SET status = 'complete', completed_by = ?, completed_at = ?
         WHERE incident_seq = ? AND status = 'draft' AND place IS NOT NULL`,
      )
      .run(by, at.toISOString(), seq);
    return result.changes === 1;
  }
}
