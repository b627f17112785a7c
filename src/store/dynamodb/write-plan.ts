import type { IncidentManagerWrite } from '../../incident-manager/index.ts';
import type { Incident, TimelineEntry } from '../../incidents/index.ts';
import type { TransactItem } from './dynamo-table.ts';
import { incidentItem, isOpen, outboxItem, type StoredIncident, timelineItem } from './incident-items.ts';
import { counterKey, incidentKey, openMarkerKey } from './keys.ts';
import { channelMarkerItem, dedupeMarkerItem, openMarkerItem } from './marker-items.ts';

/** What an action of a transaction is for, so a cancellation can say which rule stopped it. */
export type WriteRole =
  | 'incident'
  | 'counter'
  | 'open-marker'
  | 'dedupe'
  | 'notification'
  | 'claim'
  | 'record'
  | 'marker';

/** A timeline entry and the Incident Manager writes it brings. */
export interface PlannedEntry {
  entry: TimelineEntry;
  writes: readonly IncidentManagerWrite[];
}

/**
 * The actions of one transaction, each with its role. What SQLite does in one SQL transaction is
 * planned here and sent at once; a cancelled plan changed nothing and is read and planned again.
 */
export class WritePlan {
  readonly items: TransactItem[] = [];
  private readonly roles: WriteRole[] = [];

  add(role: WriteRole, item: TransactItem): this {
    this.items.push(item);
    this.roles.push(role);
    return this;
  }

  /** The roles of the actions whose condition failed, from a cancelled transaction's reasons. */
  failedRoles(reasons: readonly string[]): Set<WriteRole> {
    const failed = new Set<WriteRole>();
    reasons.forEach((reason, index) => {
      const role = this.roles[index];
      if (reason === 'ConditionalCheckFailed' && role) failed.add(role);
    });
    return failed;
  }
}

/** Takes the next incident number: the counter must still hold the `read` value. */
export function planNextSeq(plan: WritePlan, read: number): number {
  const next = read + 1;
  plan.add('counter', {
    Update: {
      Key: counterKey,
      UpdateExpression: 'SET n = :next',
      ConditionExpression: read === 0 ? 'attribute_not_exists(pk)' : 'n = :read',
      ExpressionAttributeValues: read === 0 ? { ':next': next } : { ':next': next, ':read': read },
    },
  });
  return next;
}

/**
 * An incident written with its timeline entries and their Incident Manager writes: new (the item
 * must not exist) or over the one read (its `rev` must be unchanged). The open-problem marker
 * follows the status: a reopen must find no other incident open for the problem, a resolve takes
 * away only its own marker.
 */
export function planIncidentWrite(
  plan: WritePlan,
  before: StoredIncident | undefined,
  after: Incident,
  entries: readonly PlannedEntry[],
  now: Date,
): void {
  const outboxNext = planEntryItems(plan, after.seq, before?.outboxNext ?? 0, entries, now);
  const rev = (before?.rev ?? 0) + 1;
  plan.add('incident', {
    Put: {
      Item: incidentItem(after, rev, outboxNext),
      ...(before
        ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': before.rev } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  });
  const openBefore = before && isOpen(before.incident) ? before.incident.groupKey : undefined;
  const openAfter = isOpen(after) ? after.groupKey : undefined;
  if (openBefore !== openAfter) {
    if (openBefore !== undefined) {
      plan.add('open-marker', {
        Delete: {
          Key: openMarkerKey(openBefore),
          ConditionExpression: 'attribute_not_exists(pk) OR seq = :seq',
          ExpressionAttributeValues: { ':seq': after.seq },
        },
      });
    }
    if (openAfter !== undefined) {
      plan.add('open-marker', {
        Put: {
          Item: openMarkerItem(openAfter, after.seq),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
  }
  if (after.channelId && after.channelId !== before?.incident.channelId) {
    plan.add('marker', { Put: { Item: channelMarkerItem(after.channelId, after.seq) } });
  }
}

/**
 * Timeline entries (and their writes) for an incident that itself does not change: its item is
 * only touched to take outbox numbers, on condition it is as read.
 */
export function planEntriesOnly(
  plan: WritePlan,
  stored: StoredIncident,
  entries: readonly PlannedEntry[],
  now: Date,
): void {
  const seq = stored.incident.seq;
  const outboxNext = planEntryItems(plan, seq, stored.outboxNext, entries, now);
  if (outboxNext === stored.outboxNext) return;
  plan.add('incident', {
    Update: {
      Key: incidentKey(seq),
      UpdateExpression: 'SET outboxNext = :next, rev = :newRev',
      ConditionExpression: 'rev = :rev',
      ExpressionAttributeValues: { ':next': outboxNext, ':newRev': stored.rev + 1, ':rev': stored.rev },
    },
  });
}

/** Adds the entries, their dedupe markers and outbox items; answers the next outbox number. */
function planEntryItems(
  plan: WritePlan,
  seq: number,
  outboxStart: number,
  entries: readonly PlannedEntry[],
  now: Date,
): number {
  let n = outboxStart;
  for (const { entry, writes } of entries) {
    plan.add('record', { Put: { Item: timelineItem(seq, entry) } });
    if (entry.dedupeKey) {
      plan.add('dedupe', {
        Put: {
          Item: dedupeMarkerItem(entry.dedupeKey, seq),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    for (const write of writes) {
      plan.add('record', { Put: { Item: outboxItem(seq, n, write, now) } });
      n += 1;
    }
  }
  return n;
}
