import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type IncidentManagerWrite, incidentManagerWrites } from '../incident-manager/index.ts';
import type { Incident, NewIncident, SignalChange, TimelineEntry, Transition } from '../incidents/index.ts';
import { incidentManagerLink } from './incident-manager-link.ts';
import type { OutboxItem } from './outbox.ts';
import { SqliteCards } from './sqlite-cards.ts';
import { SqliteEngagements } from './sqlite-engagements.ts';
import { SqliteEscalations } from './sqlite-escalations.ts';
import { SqliteFollowUps } from './sqlite-follow-ups.ts';
import { SqliteInbox } from './sqlite-inbox.ts';
import { SqliteIncidents } from './sqlite-incidents.ts';
import { SqliteLeases } from './sqlite-leases.ts';
import { SqliteOutbox } from './sqlite-outbox.ts';
import { SqlitePageDms } from './sqlite-page-dms.ts';
import { SqliteReviews } from './sqlite-reviews.ts';
import { SqliteRunbooks } from './sqlite-runbooks.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import { SqliteSnapshotWatches } from './sqlite-snapshot-watches.ts';
import type { CardRecord, InboxItem, InboxStatus, MutationOutcome, SignalOutcome, Store } from './store.ts';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each method
 * is atomic within the process; transactions make multi-row changes atomic against crashes, and
 * SQLite's file lock makes them atomic between processes sharing the file.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly inbox: SqliteInbox;
  private readonly incidents: SqliteIncidents;
  private readonly cards: SqliteCards;
  private readonly outbox: SqliteOutbox;
  readonly runbooks: SqliteRunbooks;
  readonly snapshotWatches: SqliteSnapshotWatches;
  readonly escalations: SqliteEscalations;
  readonly engagements: SqliteEngagements;
  readonly pageDms: SqlitePageDms;
  readonly leases: SqliteLeases;
  readonly reviews: SqliteReviews;
  readonly followUps: SqliteFollowUps;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the tail).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    this.inbox = new SqliteInbox(this.db);
    this.incidents = new SqliteIncidents(this.db);
    this.cards = new SqliteCards(this.db);
    this.outbox = new SqliteOutbox(this.db);
    this.runbooks = new SqliteRunbooks(this.db);
    this.snapshotWatches = new SqliteSnapshotWatches(this.db);
    this.escalations = new SqliteEscalations(this.db);
    this.engagements = new SqliteEngagements(this.db);
    this.pageDms = new SqlitePageDms(this.db);
    this.leases = new SqliteLeases(this.db);
    this.reviews = new SqliteReviews(this.db);
    this.followUps = new SqliteFollowUps(this.db);
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let step = current; step < MIGRATIONS.length; step++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[step] as string);
        this.db.pragma(`user_version = ${step + 1}`);
      })();
    }
  }

  async saveNotification(item: Omit<InboxItem, 'attempts'>): Promise<'stored' | 'duplicate'> {
    return this.inbox.save(item);
  }

  async listDueNotifications(now: Date, limit: number, part?: number): Promise<InboxItem[]> {
    return this.inbox.listDue(now, limit, part);
  }

  async countNotifications(status: InboxStatus): Promise<number> {
    return this.inbox.count(status);
  }

  async markNotificationProcessed(messageId: string, outcome: string, now: Date): Promise<void> {
    this.inbox.markProcessed(messageId, outcome, undefined, now);
  }

  async recordNotificationFailure(
    messageId: string,
    error: string,
    retryAt: Date | undefined,
  ): Promise<void> {
    this.inbox.recordFailure(messageId, error, retryAt);
  }

  async applySignal(
    messageId: string,
    groupKey: string,
    now: Date,
    decide: (open: Incident | undefined) => SignalChange,
  ): Promise<SignalOutcome> {
    return this.db.transaction((): SignalOutcome => {
      if (this.inbox.isProcessed(messageId)) return { change: 'duplicate' };
      const open = this.incidents.findOpen(groupKey);
      const change = decide(open);
      let incident: Incident | undefined;
      if (change.kind === 'opened') {
        incident = this.incidents.insert(change.incident);
      } else if (change.kind === 'updated') {
        incident = change.incident;
        this.incidents.write(incident);
      }
      if (incident && change.kind !== 'unmatched') {
        if (this.incidents.insertTimeline(incident.seq, change.entry)) {
          this.outbox.enqueue(incident.seq, incidentManagerWrites(open, incident, change.entry), now);
        }
      }
      this.inbox.markProcessed(messageId, change.kind, incident?.seq, now);
      return { change: change.kind, incident };
    })();
  }

  async mutateIncident(
    seq: number,
    now: Date,
    change: (incident: Incident) => Transition,
    dedupeKey?: string,
  ): Promise<MutationOutcome> {
    try {
      return this.db.transaction((): MutationOutcome => {
        const incident = this.incidents.get(seq);
        if (!incident) return { kind: 'not-found' };
        if (dedupeKey && this.incidents.hasTimelineKey(dedupeKey)) return { kind: 'duplicate', incident };
        const result = change(incident);
        if (result.kind === 'unchanged') return { ...result, incident };
        const entry = { ...result.entry, dedupeKey: result.entry.dedupeKey ?? dedupeKey };
        this.incidents.write(result.incident);
        this.incidents.insertTimeline(seq, entry);
        this.outbox.enqueue(seq, incidentManagerWrites(incident, result.incident, entry), now);
        return { kind: 'changed', incident: result.incident, entry };
      })();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const incident = this.incidents.get(seq) as Incident;
      const other = this.incidents.findOpen(incident.groupKey);
      return {
        kind: 'unchanged',
        incident,
        code: 'OTHER_OPEN',
        message: `INC-${other?.seq ?? '?'} is open for the same problem now; add to that one instead.`,
      };
    }
  }

  async createIncident(
    incident: NewIncident,
    entry: TimelineEntry,
    extraWrites: readonly IncidentManagerWrite[] = [],
  ): Promise<{ incident: Incident; created: boolean }> {
    return this.db.transaction(() => {
      const existing = entry.dedupeKey ? this.incidents.findByTimelineKey(entry.dedupeKey) : undefined;
      if (existing) return { incident: existing, created: false };
      const created = this.incidents.insert(incident);
      this.incidents.insertTimeline(created.seq, entry);
      this.outbox.enqueue(
        created.seq,
        [...extraWrites, ...incidentManagerWrites(undefined, created, entry)],
        entry.at,
      );
      return { incident: created, created: true };
    })();
  }

  async joinStorm(
    storm: { create: NewIncident; entry: TimelineEntry } | { seq: number },
    memberSeqs: readonly number[],
    now: Date,
  ): Promise<{ storm: Incident; members: Incident[] } | undefined> {
    return this.db.transaction(() => {
      const found =
        'seq' in storm ? this.incidents.get(storm.seq) : this.findOrCreate(storm.create, storm.entry);
      if (!found?.storm) return undefined;
      let current: Incident = found;
      const members: Incident[] = [];
      for (const seq of memberSeqs) {
        const before = this.incidents.get(seq);
        if (!before || before.stormSeq === current.seq || before.storm) continue;
        const member = { ...before, stormSeq: current.seq, updatedAt: now, version: before.version + 1 };
        this.writeWithEntry(
          before,
          member,
          {
            at: now,
            kind: 'annotation',
            actor: 'warroom',
            text: `joined storm INC-${current.seq}: its card, paging and escalation are the storm's`,
          },
          now,
        );
        members.push(member);
        const info = current.storm ?? found.storm;
        const next = {
          ...current,
          storm: { ...info, members: [...info.members.filter((other) => other !== seq), seq] },
          updatedAt: now,
          version: current.version + 1,
        };
        this.writeWithEntry(
          current,
          next,
          { at: now, kind: 'annotation', actor: 'warroom', text: `INC-${seq} joined the storm` },
          now,
        );
        current = next;
      }
      return { storm: current, members };
    })();
  }

  private findOrCreate(incident: NewIncident, entry: TimelineEntry): Incident {
    const existing = entry.dedupeKey ? this.incidents.findByTimelineKey(entry.dedupeKey) : undefined;
    if (existing) return existing;
    const created = this.incidents.insert(incident);
    this.incidents.insertTimeline(created.seq, entry);
    this.outbox.enqueue(created.seq, incidentManagerWrites(undefined, created, entry), entry.at);
    return created;
  }

  private writeWithEntry(before: Incident, after: Incident, entry: TimelineEntry, now: Date): void {
    this.incidents.write(after);
    this.incidents.insertTimeline(after.seq, entry);
    this.outbox.enqueue(after.seq, incidentManagerWrites(before, after, entry), now);
  }

  async linkIncidentManager(seq: number, arn: string, now: Date): Promise<void> {
    const { change, dedupeKey } = incidentManagerLink(arn, now);
    await this.mutateIncident(seq, now, change, dedupeKey);
  }

  async getIncident(seq: number): Promise<Incident | undefined> {
    return this.incidents.get(seq);
  }

  async getIncidents(seqs: readonly number[]): Promise<Incident[]> {
    return seqs.flatMap((seq) => {
      const incident = this.incidents.get(seq);
      return incident ? [incident] : [];
    });
  }

  async listOpenIncidents(): Promise<Incident[]> {
    return this.incidents.listOpen();
  }

  async listTimeline(seq: number): Promise<TimelineEntry[]> {
    return this.incidents.listTimeline(seq);
  }

  async findIncidentByChannel(channelId: string): Promise<Incident | undefined> {
    return this.incidents.findByChannel(channelId);
  }

  async findIncidentByCard(channel: string, ts: string): Promise<Incident | undefined> {
    return this.incidents.findByCard(channel, ts);
  }

  async listOpenIncidentsCardedIn(channelId: string): Promise<Incident[]> {
    return this.incidents.listOpenCardedIn(channelId);
  }

  async getCard(seq: number, channel: string): Promise<CardRecord | undefined> {
    return this.cards.get(seq, channel);
  }

  async listCards(seq: number): Promise<CardRecord[]> {
    return this.cards.list(seq);
  }

  async beginCardPost(seq: number, channel: string, at: Date): Promise<CardRecord> {
    return this.cards.begin(seq, channel, at);
  }

  async recordCardPosted(seq: number, channel: string, ts: string, version: number): Promise<void> {
    this.cards.recordPosted(seq, channel, ts, version);
  }

  async recordCardRendered(seq: number, channel: string, version: number): Promise<void> {
    this.cards.recordRendered(seq, channel, version);
  }

  async listIncidentsNeedingCardSync(): Promise<number[]> {
    return this.cards.listNeedingSync();
  }

  async listDueOutbox(now: Date, limit: number): Promise<OutboxItem[]> {
    return this.outbox.listDue(now, limit);
  }

  async listUnfinishedOutbox(seq: number): Promise<OutboxItem[]> {
    return this.outbox.listUnfinished(seq);
  }

  async completeOutbox(id: number, now: Date): Promise<void> {
    this.outbox.complete(id, now);
  }

  async failOutbox(id: number, error: string, retryAt: Date | undefined): Promise<void> {
    this.outbox.fail(id, error, retryAt);
  }

  isHealthy(): boolean {
    try {
      this.db.prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
