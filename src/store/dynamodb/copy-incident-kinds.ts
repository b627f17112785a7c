import type Database from 'better-sqlite3';
import { decodeIncident } from '../incident-codec.ts';
import { type CardRow, toCard } from '../sqlite-cards.ts';
import { type TimelineRow, toTimelineEntry } from '../sqlite-incidents.ts';
import { type OutboxRow, toOutboxItem } from '../sqlite-outbox.ts';
import { cardItem } from './card-items.ts';
import { type CopyKind, optionalDate, rows } from './copy-rows.ts';
import type { Item } from './dynamo-table.ts';
import { incidentItem, storedOutboxItem, timelineItem } from './incident-items.ts';
import {
  cardMessageItem,
  channelMarkerItem,
  counterItem,
  dedupeMarkerItem,
  openMarkerItem,
} from './marker-items.ts';

interface IncidentRow {
  seq: number;
  data: string;
  open_group_key: string | null;
  outbox_count: number;
}

function* incidents(db: Database.Database): Iterable<Item> {
  // The incident's outbox counter continues after the writes copied into its partition (0, 1, …).
  const sql = `SELECT i.seq, i.data, i.open_group_key,
      (SELECT COUNT(*) FROM outbox o WHERE o.incident_seq = i.seq) AS outbox_count
    FROM incidents i ORDER BY i.seq`;
  for (const row of rows<IncidentRow>(db, sql)) {
    yield incidentItem(decodeIncident(row.seq, row.data), 1, row.outbox_count);
  }
}

function* openMarkers(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT seq, open_group_key FROM incidents WHERE open_group_key IS NOT NULL';
  for (const row of rows<{ seq: number; open_group_key: string }>(db, sql)) {
    yield openMarkerItem(row.open_group_key, row.seq);
  }
}

function* channelMarkers(db: Database.Database): Iterable<Item> {
  // SQLite answers the newest incident of a channel; the marker names it.
  const sql = `SELECT json_extract(data, '$.channelId') AS channel, MAX(seq) AS seq FROM incidents
    WHERE json_extract(data, '$.channelId') IS NOT NULL GROUP BY channel`;
  for (const row of rows<{ channel: string; seq: number }>(db, sql))
    yield channelMarkerItem(row.channel, row.seq);
}

function* counter(db: Database.Database): Iterable<Item> {
  // AUTOINCREMENT's high-water mark: the next incident continues after the last number handed out.
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'incidents'").get() as
    | { seq: number }
    | undefined;
  const max = db.prepare('SELECT MAX(seq) AS seq FROM incidents').get() as { seq: number | null };
  const n = Math.max(row?.seq ?? 0, max.seq ?? 0);
  if (n > 0) yield counterItem(n);
}

function* timeline(db: Database.Database): Iterable<Item> {
  // In SQLite's order (time, then insertion): timelineItem's keys keep it for equal times.
  const sql = 'SELECT * FROM timeline ORDER BY incident_seq, at, id';
  for (const row of rows<TimelineRow & { incident_seq: number }>(db, sql)) {
    yield timelineItem(row.incident_seq, toTimelineEntry(row));
  }
}

function* dedupeKeys(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT incident_seq, dedupe_key FROM timeline WHERE dedupe_key IS NOT NULL';
  for (const row of rows<{ incident_seq: number; dedupe_key: string }>(db, sql)) {
    yield dedupeMarkerItem(row.dedupe_key, row.incident_seq);
  }
}

function* cards(db: Database.Database): Iterable<Item> {
  for (const row of rows<CardRow>(db, 'SELECT * FROM cards ORDER BY incident_seq, channel')) {
    yield cardItem(toCard(row));
  }
}

function* cardMessages(db: Database.Database): Iterable<Item> {
  const sql = 'SELECT incident_seq, channel, ts FROM cards WHERE ts IS NOT NULL';
  for (const row of rows<{ incident_seq: number; channel: string; ts: string }>(db, sql)) {
    yield cardMessageItem(row.channel, row.ts, row.incident_seq);
  }
}

type FullOutboxRow = OutboxRow & { n: number; created_at: string; done_at: string | null };

function* outbox(db: Database.Database): Iterable<Item> {
  const sql = `SELECT *, ROW_NUMBER() OVER (PARTITION BY incident_seq ORDER BY id) - 1 AS n FROM outbox ORDER BY id`;
  for (const row of rows<FullOutboxRow>(db, sql)) {
    const item = toOutboxItem(row);
    yield storedOutboxItem(row.incident_seq, row.n, {
      ...item,
      createdAt: new Date(row.created_at),
      doneAt: optionalDate(row.done_at),
    });
  }
}

/** Incidents and what hangs off them; the counter goes last of all (see COPY_KINDS). */
export const INCIDENT_KINDS: readonly CopyKind[] = [
  { name: 'incidents', items: incidents },
  { name: 'open-problem markers', items: openMarkers },
  { name: 'channel markers', items: channelMarkers },
  { name: 'timeline entries', items: timeline },
  { name: 'dedupe keys', items: dedupeKeys },
  { name: 'cards', items: cards },
  { name: 'card-by-message markers', items: cardMessages },
  { name: 'outbox writes', items: outbox },
];

export const COUNTER_KIND: CopyKind = { name: 'incident counter', items: counter };
