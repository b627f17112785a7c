import type Database from 'better-sqlite3';
import { type EngagementRow, toEngagement } from '../sqlite-engagements.ts';
import { type StageRow, toStage } from '../sqlite-escalations.ts';
import { type ExecutionRow, toExecution } from '../sqlite-executions.ts';
import { type PageDmRow, toPageDm } from '../sqlite-page-dms.ts';
import { type RequestRow, toRequest } from '../sqlite-requests.ts';
import { toWatch, type WatchRow } from '../sqlite-snapshot-watches.ts';
import type { InboxStatus } from '../store.ts';
import { type CopyKind, optionalDate, rows } from './copy-rows.ts';
import type { Item } from './dynamo-table.ts';
import { storedEngagementItem } from './engagement-items.ts';
import { storedStageItem } from './escalation-items.ts';
import { executionItem } from './execution-items.ts';
import { inboxItem } from './inbox-items.ts';
import { engagementRequestItem, executionTokenItem, impactRoundItem } from './marker-items.ts';
import { pageDmItem } from './page-dm-items.ts';
import { requestItem } from './request-items.ts';
import { storedWatchItem } from './snapshot-watch-items.ts';

interface NotificationRow {
  message_id: string;
  topic_arn: string;
  subject: string | null;
  message: string;
  timestamp: string;
  received_at: string;
  status: InboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  outcome: string | null;
  incident_seq: number | null;
  processed_at: string | null;
}

function* notifications(db: Database.Database, now: Date): Iterable<Item> {
  for (const row of rows<NotificationRow>(db, 'SELECT * FROM notifications ORDER BY received_at')) {
    yield inboxItem({
      messageId: row.message_id,
      topicArn: row.topic_arn,
      subject: row.subject ?? undefined,
      message: row.message,
      timestamp: new Date(row.timestamp),
      receivedAt: new Date(row.received_at),
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: new Date(row.next_attempt_at),
      lastError: row.last_error ?? undefined,
      outcome: row.outcome ?? undefined,
      incidentSeq: row.incident_seq ?? undefined,
      processedAt: optionalDate(row.processed_at),
      // SQLite keeps no time for a given-up notification: its expiry counts from the copy.
      doneAt: now,
    });
  }
}

function* executions(db: Database.Database): Iterable<Item> {
  for (const row of rows<ExecutionRow>(db, 'SELECT * FROM runbook_executions ORDER BY started_at')) {
    yield executionItem(toExecution(row), 1);
  }
}

function* executionTokens(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT execution_id, client_token FROM runbook_executions';
  for (const row of rows<{ execution_id: string; client_token: string }>(db, sql)) {
    yield executionTokenItem(row.client_token, row.execution_id);
  }
}

function* requests(db: Database.Database): Iterable<Item> {
  for (const row of rows<RequestRow>(db, 'SELECT * FROM runbook_requests ORDER BY created_at')) {
    yield requestItem(toRequest(row), 1);
  }
}

type FullStageRow = StageRow & {
  last_error: string | null;
  fired_at: string | null;
  cancelled_at: string | null;
};

function* stages(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT * FROM escalation_stages ORDER BY incident_seq, stage_index';
  for (const row of rows<FullStageRow>(db, sql)) {
    const history = { lastError: row.last_error ?? undefined, firedAt: optionalDate(row.fired_at) };
    yield storedStageItem({ ...toStage(row), ...history, cancelledAt: optionalDate(row.cancelled_at) }, 1);
  }
}

function* impactRounds(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT incident_seq, impact, started_at FROM escalation_impact_rounds';
  for (const row of rows<{ incident_seq: number; impact: number; started_at: string }>(db, sql)) {
    yield impactRoundItem(row.incident_seq, row.impact, new Date(row.started_at));
  }
}

function* engagements(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT * FROM contact_engagements ORDER BY started_at';
  for (const row of rows<EngagementRow & { last_error: string | null }>(db, sql)) {
    yield storedEngagementItem({ ...toEngagement(row), lastError: row.last_error ?? undefined });
  }
}

function* engagementRequests(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT engagement_arn, dedupe_key, contact_arn FROM contact_engagements';
  for (const row of rows<{ engagement_arn: string; dedupe_key: string; contact_arn: string }>(db, sql)) {
    yield engagementRequestItem(row.dedupe_key, row.contact_arn, row.engagement_arn);
  }
}

function* pageDms(db: Database.Database): Iterable<Item> {
  for (const row of rows<PageDmRow>(db, 'SELECT * FROM page_dms ORDER BY incident_seq, ts')) {
    yield pageDmItem(toPageDm(row));
  }
}

function* snapshotWatches(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT * FROM snapshot_watches ORDER BY started_at';
  for (const row of rows<WatchRow & { last_error: string | null; done_at: string | null }>(db, sql)) {
    yield storedWatchItem({
      ...toWatch(row),
      lastError: row.last_error ?? undefined,
      doneAt: optionalDate(row.done_at),
    });
  }
}

/** Pending and past work of every other kind. */
export const WORK_KINDS: readonly CopyKind[] = [
  { name: 'notifications', items: notifications },
  { name: 'runbook executions', items: executions },
  { name: 'execution tokens', items: executionTokens },
  { name: 'runbook requests', items: requests },
  { name: 'escalation stages', items: stages },
  { name: 'impact rounds', items: impactRounds },
  { name: 'engagements', items: engagements },
  { name: 'engagement request markers', items: engagementRequests },
  { name: 'page DMs', items: pageDms },
  { name: 'snapshot watches', items: snapshotWatches },
];
