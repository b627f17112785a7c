import type { IncidentManagerWrite } from '../../incident-manager/index.ts';
import type { Incident, TimelineEntry } from '../../incidents/index.ts';
import { decodeIncident, encodeIncident } from '../incident-codec.ts';
import type { OutboxItem } from '../outbox.ts';
import type { Item } from './dynamo-table.ts';
import {
  CARD_SYNC,
  expiresAfterDays,
  incidentKey,
  incidentPk,
  iso,
  OPEN_INCIDENTS,
  OUTBOX_DUE,
  OUTBOX_ID_SPAN,
  outboxKey,
  pad,
} from './keys.ts';

/**
 * An incident as read from the table, with the two counters its item carries beside it: `rev`
 * (bumped by every write of the item; every write is conditioned on the one it read) and
 * `outboxNext` (the next outbox number in its partition).
 */
export interface StoredIncident {
  incident: Incident;
  rev: number;
  outboxNext: number;
}

export const isOpen = (incident: Pick<Incident, 'status'>): boolean => incident.status !== 'resolved';

/**
 * The incident's item: its JSON as SQLite keeps it, the attributes conditions test at top level,
 * the open list's keys while it is open, and the card-sync keys (every write may put a card behind).
 */
export function incidentItem(incident: Incident, rev: number, outboxNext: number): Item {
  const { seq, ...rest } = incident;
  return {
    ...incidentKey(seq),
    seq,
    data: encodeIncident(rest),
    status: incident.status,
    version: incident.version,
    impact: incident.impact,
    groupKey: incident.groupKey,
    ...(incident.snooze ? { snoozeUntil: iso(incident.snooze.until) } : {}),
    rev,
    outboxNext,
    ...(isOpen(incident) ? { gsi1pk: OPEN_INCIDENTS, gsi1sk: `${iso(incident.openedAt)}#${pad(seq)}` } : {}),
    gsi2pk: CARD_SYNC,
    gsi2sk: pad(seq),
  };
}

export function readIncidentItem(item: Item): StoredIncident {
  return {
    incident: decodeIncident(item.seq as number, item.data as string),
    rev: item.rev as number,
    outboxNext: (item.outboxNext as number | undefined) ?? 0,
  };
}

/** Every timeline key this process writes is unique and later than the one before at the same time. */
let timelineCounter = 0;
const replicaTag = Math.random().toString(36).slice(2, 8).padEnd(6, '0');

export function timelineItem(seq: number, entry: TimelineEntry): Item {
  timelineCounter += 1;
  return {
    pk: incidentPk(seq),
    sk: `TL#${iso(entry.at)}#${String(timelineCounter).padStart(12, '0')}#${replicaTag}`,
    at: iso(entry.at),
    kind: entry.kind,
    actor: entry.actor,
    text: entry.text,
    signalType: entry.signalType,
    from: entry.from,
    to: entry.to,
    dedupeKey: entry.dedupeKey,
  };
}

export function readTimelineItem(item: Item): TimelineEntry {
  return {
    at: new Date(item.at as string),
    kind: item.kind as TimelineEntry['kind'],
    actor: item.actor as string,
    text: item.text as string,
    signalType: item.signalType as string | undefined,
    from: item.from as string | undefined,
    to: item.to as string | undefined,
    dedupeKey: item.dedupeKey as string | undefined,
  };
}

/** Done writes are kept a while for `/incident show` history, then expire. */
export const OUTBOX_KEEP_DONE_DAYS = 30;

export const outboxDueKey = (at: Date, id: number): string => `${iso(at)}#${String(id).padStart(16, '0')}`;

/** A write queued now: pending, due at once. */
export function outboxItem(seq: number, n: number, write: IncidentManagerWrite, now: Date): Item {
  return storedOutboxItem(seq, n, {
    write,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
}

/** An outbox write in any state, as the item keeps it. */
export interface OutboxRecord {
  write: IncidentManagerWrite;
  status: OutboxItem['status'];
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  lastError?: string;
  doneAt?: Date;
}

/** In the due list while pending; a done write expires a while after it was done. */
export function storedOutboxItem(seq: number, n: number, record: OutboxRecord): Item {
  const id = seq * OUTBOX_ID_SPAN + n;
  return {
    ...outboxKey(seq, n),
    id,
    incidentSeq: seq,
    write: JSON.stringify(record.write),
    status: record.status,
    attempts: record.attempts,
    nextAttemptAt: iso(record.nextAttemptAt),
    createdAt: iso(record.createdAt),
    ...(record.lastError !== undefined ? { lastError: record.lastError } : {}),
    ...(record.doneAt ? { doneAt: iso(record.doneAt) } : {}),
    ...(record.status === 'done' && record.doneAt
      ? { expiresAt: expiresAfterDays(record.doneAt, OUTBOX_KEEP_DONE_DAYS) }
      : {}),
    ...(record.status === 'pending'
      ? { gsi1pk: OUTBOX_DUE, gsi1sk: outboxDueKey(record.nextAttemptAt, id) }
      : {}),
  };
}

export function readOutboxItem(item: Item): OutboxItem {
  return {
    id: item.id as number,
    incidentSeq: item.incidentSeq as number,
    write: JSON.parse(item.write as string) as IncidentManagerWrite,
    status: item.status as OutboxItem['status'],
    attempts: item.attempts as number,
    nextAttemptAt: new Date(item.nextAttemptAt as string),
    lastError: item.lastError as string | undefined,
  };
}
