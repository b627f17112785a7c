import type { RdsPort } from '../aws/rds-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import { annotation, findHomeCard, type Incident, incidentId } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { THREAD_METADATA_EVENT_TYPES } from '../slack/ids.ts';
import { escapeMrkdwn } from '../slack/mrkdwn.ts';
import { postThreadReplyOnce, type ThreadReplySlack } from '../slack/post-thread-reply-once.ts';
import type { Store } from '../store/store.ts';
import { targetText } from './rds-check-text.ts';
import { SnapshotWatch, type SnapshotWatchOutcome, type SnapshotWatchRecord } from './rds-snapshot-watch.ts';
import { type RdsTarget, TARGET_WORDS } from './rds-target.ts';
import { incidentSnapshotName } from './snapshot-name.ts';

export interface RdsSnapshotsDeps {
  rds: RdsPort;
  /** The RDS port of an incident's account (its role's) and Region; absent: `rds` serves all. */
  rdsFor?: (incident: Incident) => RdsPort;
  store: Store;
  slack: ThreadReplySlack;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  /** After a timeline entry: Incident Manager is written. */
  onTimeline: (seq: number) => void;
  tickMs?: number;
}

/**
 * Snapshots before anyone changes a database: CreateDBSnapshot / CreateDBClusterSnapshot named from
 * the incident and the minute, one timeline entry naming who asked, and a report in the card's
 * thread once RDS says the snapshot is available (watched from the store, so across restarts too).
 */
export class RdsSnapshots {
  private readonly watch: SnapshotWatch;

  constructor(private readonly deps: RdsSnapshotsDeps) {
    this.watch = new SnapshotWatch({
      rds: deps.rds,
      // The snapshot is looked for where it was taken: its incident's account and Region.
      rdsOf: async (seq) => {
        const incident = await deps.store.getIncident(seq);
        return this.rdsOf(incident);
      },
      clock: deps.clock,
      logger: deps.logger,
      tickMs: deps.tickMs,
      store: deps.store,
      onOutcome: (watch, outcome) => this.report(watch, outcome),
    });
  }

  private rdsOf(incident: Incident | undefined): RdsPort {
    return (incident && this.deps.rdsFor?.(incident)) ?? this.deps.rds;
  }

  /** Starts the snapshot and answers in words for the person who asked. */
  async take(incident: Incident, target: RdsTarget & { kind: 'instance' | 'cluster' }, userId: string) {
    const { clock } = this.deps;
    const rds = this.rdsOf(incident);
    const now = clock.now();
    const name = incidentSnapshotName(incident.seq, now);
    const what = targetText(target);
    try {
      if (target.kind === 'instance') await rds.createSnapshot(target.id, name);
      else await rds.createClusterSnapshot(target.id, name);
    } catch (error) {
      // The same minute names the same snapshot: a retried or doubled request lands here.
      if (isBotError(error) && error.code === 'RDS.SNAPSHOT_EXISTS')
        return `Snapshot \`${name}\` of ${what} was already started this minute; its report follows in the card's thread.`;
      throw error;
    }
    // Watched first: once it is in the store, "available" is reported even across a restart.
    await this.watch.add({
      seq: incident.seq,
      kind: target.kind,
      snapshotId: name,
      sourceId: target.id,
      startedBy: userId,
      startedAt: now,
    });
    await this.record(
      incident.seq,
      now,
      userId,
      // Plain text: the timeline is shown escaped, and also written to Incident Manager.
      `took a snapshot of ${TARGET_WORDS[target.kind]} ${target.id}: ${name}`,
      `rds-snapshot:${name}`,
    );
    return `${incidentId(incident.seq)}: snapshot \`${name}\` of ${what} started (creating). It is on the timeline, and warroom reports in the card's thread when it is available.`;
  }

  /** Watches a previous run left are followed again. */
  resume(): Promise<void> {
    return this.watch.resume();
  }

  idle(): Promise<void> {
    return this.watch.idle();
  }

  get busy(): boolean {
    return this.watch.busy;
  }

  stop(): void {
    this.watch.stop();
  }

  private async report(item: SnapshotWatchRecord, outcome: SnapshotWatchOutcome): Promise<void> {
    const minutes = Math.max(
      1,
      Math.round((this.deps.clock.now().getTime() - item.startedAt.getTime()) / 60_000),
    );
    const text = outcomeText(item, outcome, minutes);
    const entry =
      outcome.kind === 'available'
        ? `snapshot ${item.snapshotId} is available`
        : `snapshot ${item.snapshotId}: ${outcome.kind}`;
    await this.record(
      item.seq,
      this.deps.clock.now(),
      'aws:rds',
      entry,
      `rds-snapshot-${outcome.kind}:${item.snapshotId}`,
    );
    const { channel, card } = await findHomeCard(this.deps.store, item.seq, this.deps.alertChannel);
    if (!card?.ts) {
      await this.deps.slack.postMessage({
        channel,
        text: `${incidentId(item.seq)}: ${text}`,
      });
      return;
    }
    // Reported once per outcome, even if warroom stopped after posting it and before the watch was closed.
    await postThreadReplyOnce(
      this.deps.slack,
      { channel, text, threadTs: card.ts },
      { eventType: THREAD_METADATA_EVENT_TYPES.snapshotReport, id: `${item.snapshotId}:${outcome.kind}` },
    );
  }

  /** One annotation on the timeline; the incident itself does not change, so the card is not redrawn. */
  private async record(seq: number, at: Date, actor: string, text: string, dedupeKey: string): Promise<void> {
    const outcome = await this.deps.store.mutateIncident(seq, at, annotation(at, actor, text), dedupeKey);
    if (outcome.kind === 'changed') this.deps.onTimeline(seq);
  }
}

function outcomeText(item: SnapshotWatchRecord, outcome: SnapshotWatchOutcome, minutes: number): string {
  const subject = `Snapshot \`${item.snapshotId}\` of \`${escapeMrkdwn(item.sourceId)}\``;
  switch (outcome.kind) {
    case 'available':
      return `✅ ${subject} is available (after about ${minutes} min).`;
    case 'failed':
      return `❌ ${subject} did not complete: RDS says \`${outcome.status}\`.`;
    case 'gone':
      return `❌ ${subject} is gone: RDS no longer knows it (deleted?).`;
    case 'gave-up':
      return `⏳ ${subject} is still not available after ${minutes} min; warroom stopped watching it. Check it in the RDS console.`;
  }
}
