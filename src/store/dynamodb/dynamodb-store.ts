import { BotError } from '../../errors.ts';
import { type IncidentManagerWrite, incidentManagerWrites } from '../../incident-manager/index.ts';
import type {
  Incident,
  NewIncident,
  SignalChange,
  TimelineEntry,
  Transition,
} from '../../incidents/index.ts';
import { incidentManagerLink } from '../incident-manager-link.ts';
import type { OutboxItem } from '../outbox.ts';
import type { CardRecord, InboxItem, InboxStatus, MutationOutcome, SignalOutcome, Store } from '../store.ts';
import type { DynamoTable } from './dynamo-table.ts';
import { DynamoDbCards } from './dynamodb-cards.ts';
import { DynamoDbEngagements } from './dynamodb-engagements.ts';
import { DynamoDbEscalations } from './dynamodb-escalations.ts';
import { DynamoDbFollowUps } from './dynamodb-follow-ups.ts';
import { DynamoDbInbox } from './dynamodb-inbox.ts';
import { DynamoDbIncidents } from './dynamodb-incidents.ts';
import { DynamoDbLeases } from './dynamodb-leases.ts';
import { DynamoDbOutbox } from './dynamodb-outbox.ts';
import { DynamoDbPageDms } from './dynamodb-page-dms.ts';
import { DynamoDbReviews } from './dynamodb-reviews.ts';
import { DynamoDbRunbooks } from './dynamodb-runbooks.ts';
import { DynamoDbSnapshotWatches } from './dynamodb-snapshot-watches.ts';
import type { StoredIncident } from './incident-items.ts';
import { CONFLICT, retryOnConflict } from './retry-on-conflict.ts';
import { joinStormInBatches } from './storm-join.ts';
import { type PlannedEntry, planIncidentWrite, planNextSeq, WritePlan } from './write-plan.ts';

/**
 * The store on one DynamoDB table shared by any number of replicas (docs/store.md). What SQLite
 * does in one transaction is read, decided and sent as one TransactWriteItems conditioned on what
 * was read; a transaction cancelled by another writer changed nothing, and is read and decided again.
 */
export class DynamoDbStore implements Store {
  private readonly inbox: DynamoDbInbox;
  private readonly incidents: DynamoDbIncidents;
  private readonly cards: DynamoDbCards;
  private readonly outbox: DynamoDbOutbox;
  readonly runbooks: DynamoDbRunbooks;
  readonly snapshotWatches: DynamoDbSnapshotWatches;
  readonly escalations: DynamoDbEscalations;
  readonly engagements: DynamoDbEngagements;
  readonly pageDms: DynamoDbPageDms;
  readonly leases: DynamoDbLeases;
  readonly reviews: DynamoDbReviews;
  readonly followUps: DynamoDbFollowUps;
  private closed = false;

  constructor(private readonly table: DynamoTable) {
    this.inbox = new DynamoDbInbox(table);
    this.incidents = new DynamoDbIncidents(table);
    this.cards = new DynamoDbCards(table);
    this.outbox = new DynamoDbOutbox(table);
    this.runbooks = new DynamoDbRunbooks(table, this.incidents);
    this.snapshotWatches = new DynamoDbSnapshotWatches(table);
    this.escalations = new DynamoDbEscalations(table);
    this.engagements = new DynamoDbEngagements(table);
    this.pageDms = new DynamoDbPageDms(table);
    this.leases = new DynamoDbLeases(table);
    this.reviews = new DynamoDbReviews(table);
    this.followUps = new DynamoDbFollowUps(table);
  }

  saveNotification(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'> {
    return this.inbox.save(item);
  }

  listDueNotifications(now: Date, limit: number, part?: number): Promise<InboxItem[]> {
    return this.inbox.listDue(now, limit, part);
  }

  countNotifications(status: InboxStatus): Promise<number> {
    return this.inbox.count(status);
  }

  markNotificationProcessed(messageId: string, outcome: string, now: Date): Promise<void> {
    return this.inbox.markProcessed(messageId, outcome, now);
  }

  recordNotificationFailure(messageId: string, error: string, retryAt: Date | undefined): Promise<void> {
    return this.inbox.recordFailure(messageId, error, retryAt);
  }

  applySignal(
    messageId: string,
    groupKey: string,
    now: Date,
    decide: (open: Incident | undefined) => SignalChange,
  ): Promise<SignalOutcome> {
    return retryOnConflict(`apply ${messageId}`, async () => {
      const notification = await this.inbox.get(messageId);
      if (notification?.status === 'processed') return { change: 'duplicate' } as const;
      const open = await this.incidents.findOpen(groupKey);
      const change = decide(open?.incident);
      const plan = new WritePlan();
      let incident: Incident | undefined;
      if (change.kind === 'opened') {
        incident = { ...change.incident, seq: planNextSeq(plan, await this.incidents.lastSeq()) };
        const entries = await this.unseen([
          { entry: change.entry, writes: incidentManagerWrites(undefined, incident, change.entry) },
        ]);
        planIncidentWrite(plan, undefined, incident, entries, now);
      } else if (change.kind === 'updated') {
        incident = change.incident;
        const before = open?.incident.seq === incident.seq ? open : await this.incidents.get(incident.seq);
        const entries = await this.unseen([
          { entry: change.entry, writes: incidentManagerWrites(before?.incident, incident, change.entry) },
        ]);
        planIncidentWrite(plan, before, incident, entries, now);
      }
      if (notification) {
        plan.add('notification', this.inbox.processedAction(messageId, change.kind, incident?.seq, now));
      }
      const result = await this.table.transact(plan.items);
      if (result.ok) return { change: change.kind, incident };
      return CONFLICT;
    });
  }

  /** Entries whose dedupe key was written before are left out, with their writes (SQLite's ON CONFLICT DO NOTHING). */
  private async unseen(entries: readonly PlannedEntry[]): Promise<PlannedEntry[]> {
    const seen = await Promise.all(
      entries.map(({ entry }) => (entry.dedupeKey ? this.incidents.hasDedupeKey(entry.dedupeKey) : false)),
    );
    return entries.filter((_, index) => !seen[index]);
  }

  mutateIncident(
    seq: number,
    now: Date,
    change: (incident: Incident) => Transition,
    dedupeKey?: string,
  ): Promise<MutationOutcome> {
    return retryOnConflict(`change INC-${seq}`, async (): Promise<MutationOutcome | typeof CONFLICT> => {
      const stored = await this.incidents.get(seq);
      if (!stored) return { kind: 'not-found' };
      if (dedupeKey && (await this.incidents.hasDedupeKey(dedupeKey))) {
        return { kind: 'duplicate', incident: stored.incident };
      }
      const result = change(stored.incident);
      if (result.kind === 'unchanged') return { ...result, incident: stored.incident };
      const entry = { ...result.entry, dedupeKey: result.entry.dedupeKey ?? dedupeKey };
      const plan = new WritePlan();
      planIncidentWrite(
        plan,
        stored,
        result.incident,
        [{ entry, writes: incidentManagerWrites(stored.incident, result.incident, entry) }],
        now,
      );
      const outcome = await this.table.transact(plan.items);
      if (outcome.ok) return { kind: 'changed', incident: result.incident, entry };
      const failed = plan.failedRoles(outcome.reasons);
      if (failed.has('dedupe')) {
        const current = await this.incidents.get(seq);
        return { kind: 'duplicate', incident: (current ?? stored).incident };
      }
      if (failed.has('open-marker')) {
        const other = await this.incidents.findOpen(result.incident.groupKey);
        if (other && other.incident.seq !== seq) {
          return {
            kind: 'unchanged',
            incident: stored.incident,
            code: 'OTHER_OPEN',
            message: `INC-${other.incident.seq} is open for the same problem now; add to that one instead.`,
          };
        }
      }
      return CONFLICT;
    });
  }

  async createIncident(
    incident: NewIncident,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[] = [],
  ): Promise<{ incident: Incident; created: boolean }> {
    const { stored, created } = await this.findOrCreate(incident, entry, extraWrites);
    return { incident: stored.incident, created };
  }

  /** A declared incident, or the one a first submission with the same dedupe key created. */
  private findOrCreate(
    incident: NewIncident,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[],
  ): Promise<{ stored: StoredIncident; created: boolean }> {
    return retryOnConflict('open an incident', async () => {
      if (entry.dedupeKey) {
        const existing = await this.incidents.findByDedupeKey(entry.dedupeKey);
        if (existing) return { stored: existing, created: false };
      }
      const plan = new WritePlan();
      const created: Incident = { ...incident, seq: planNextSeq(plan, await this.incidents.lastSeq()) };
      const writes = [...extraWrites, ...incidentManagerWrites(undefined, created, entry)];
      planIncidentWrite(plan, undefined, created, [{ entry, writes }], entry.at);
      const result = await this.table.transact(plan.items);
      if (result.ok) {
        return { stored: { incident: created, rev: 1, outboxNext: writes.length }, created: true };
      }
      const failed = plan.failedRoles(result.reasons);
      // The same declaration submitted twice at once: the next round finds it by its dedupe key.
      if (failed.has('dedupe')) return CONFLICT;
      if (failed.has('open-marker')) {
        const other = await this.incidents.findOpen(incident.groupKey);
        if (other) {
          throw new BotError(
            'INCIDENT.OTHER_OPEN',
            `INC-${other.incident.seq} is open for the same problem; add to that one instead.`,
          );
        }
      }
      return CONFLICT;
    });
  }

  async joinStorm(
    storm: { create: NewIncident; entry: TimelineEntry } | { seq: number },
    memberSeqs: readonly number[],
    now: Date,
  ): Promise<{ storm: Incident; members: Incident[] } | undefined> {
    const found =
      'seq' in storm
        ? await this.incidents.get(storm.seq)
        : (await this.findOrCreate(storm.create, storm.entry, [])).stored;
    if (!found?.incident.storm) return undefined;
    return joinStormInBatches(this.table, this.incidents, found.incident.seq, memberSeqs, now);
  }

  async linkIncidentManager(seq: number, arn: string, now: Date): Promise<void> {
    const { change, dedupeKey } = incidentManagerLink(arn, now);
    await this.mutateIncident(seq, now, change, dedupeKey);
  }

  async getIncident(seq: number): Promise<Incident | undefined> {
    return (await this.incidents.get(seq))?.incident;
  }

  getIncidents(seqs: readonly number[]): Promise<Incident[]> {
    return this.incidents.getMany(seqs);
  }

  listOpenIncidents(): Promise<Incident[]> {
    return this.incidents.listOpen();
  }

  listTimeline(seq: number): Promise<TimelineEntry[]> {
    return this.incidents.listTimeline(seq);
  }

  findIncidentByChannel(channelId: string): Promise<Incident | undefined> {
    return this.incidents.findByChannel(channelId);
  }

  findIncidentByCard(channel: string, ts: string): Promise<Incident | undefined> {
    return this.incidents.findByCard(channel, ts);
  }

  listOpenIncidentsCardedIn(channelId: string): Promise<Incident[]> {
    return this.incidents.listOpenCardedIn(channelId);
  }

  listDueOutbox(now: Date, limit: number): Promise<OutboxItem[]> {
    return this.outbox.listDue(now, limit);
  }

  listUnfinishedOutbox(seq: number): Promise<OutboxItem[]> {
    return this.outbox.listUnfinished(seq);
  }

  completeOutbox(id: number, now: Date): Promise<void> {
    return this.outbox.complete(id, now);
  }

  failOutbox(id: number, error: string, retryAt: Date | undefined): Promise<void> {
    return this.outbox.fail(id, error, retryAt);
  }

  getCard(seq: number, channel: string): Promise<CardRecord | undefined> {
    return this.cards.get(seq, channel);
  }

  listCards(seq: number): Promise<CardRecord[]> {
    return this.cards.list(seq);
  }

  beginCardPost(seq: number, channel: string, at: Date): Promise<CardRecord> {
    return this.cards.begin(seq, channel, at);
  }

  recordCardPosted(seq: number, channel: string, ts: string, version: number): Promise<void> {
    return this.cards.recordPosted(seq, channel, ts, version);
  }

  recordCardRendered(seq: number, channel: string, version: number): Promise<void> {
    return this.cards.recordRendered(seq, channel, version);
  }

  listIncidentsNeedingCardSync(): Promise<number[]> {
    return this.cards.listNeedingSync();
  }

  /** Healthy while DynamoDB answers: the last call was answered (the 5 s work loop keeps calling). */
  isHealthy(): boolean {
    return !this.closed && this.table.reachable;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.table.destroy();
  }
}
