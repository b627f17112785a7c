import type Database from 'better-sqlite3';
import { type FollowUpRow, toFollowUp } from '../sqlite-follow-ups.ts';
import { type ReviewRow, toReview } from '../sqlite-reviews.ts';
import { type CopyKind, rows } from './copy-rows.ts';
import type { Item } from './dynamo-table.ts';
import { writeFollowUp } from './follow-up-items.ts';
import { followUpRequestItem } from './marker-items.ts';
import { reviewItem } from './review-items.ts';

function* reviews(db: Database.Database): Iterable<Item> {
  for (const row of rows<ReviewRow>(db, 'SELECT * FROM reviews ORDER BY incident_seq')) {
    yield reviewItem(toReview(row));
  }
}

function* followUps(db: Database.Database): Iterable<Item> {
  for (const row of rows<FollowUpRow>(db, 'SELECT * FROM follow_ups ORDER BY created_at, id')) {
    yield writeFollowUp(toFollowUp(row));
  }
}

/** The request each follow-up was made from, so Slack retrying it after the move finds it. */
function* followUpRequests(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT id, dedupe_key FROM follow_ups';
  for (const row of rows<{ id: string; dedupe_key: string }>(db, sql)) {
    yield followUpRequestItem(row.dedupe_key, row.id);
  }
}

/** What an incident leaves behind once it is over: its review and its follow-ups. */
export const POST_INCIDENT_KINDS: readonly CopyKind[] = [
  { name: 'reviews', items: reviews },
  { name: 'follow-ups', items: followUps },
  { name: 'follow-up request markers', items: followUpRequests },
];
