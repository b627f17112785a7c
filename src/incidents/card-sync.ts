import type { Accounts } from '../accounts/index.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { runForIncident } from '../slack/call-priority.ts';
import { CARD_METADATA_EVENT_TYPE } from '../slack/ids.ts';
import { postOrFind } from '../slack/post-or-find.ts';
import type { SlackGateway } from '../slack/slack-gateway.ts';
import type { Store } from '../store/store.ts';
import { KeyedRunner } from '../work/keyed-runner.ts';
import type { LeasedWork } from '../work/leased-work.ts';
import { homeChannelOf } from './home-channel.ts';
import type { Incident } from './incident.ts';
import { buildIncidentCard } from './incident-card.ts';
import { loadStormMembers } from './storm-members.ts';

export interface CardSyncDeps {
  store: Store;
  slack: SlackGateway;
  clock: Clock;
  logger: Logger;
  alertChannel: string;
  defaultRegion: string;
  /** `accounts:`: cards name the account instead of its id. */
  accounts?: Accounts;
  /** Whether the card offers Run runbook: some catalog runbook fits the incident. */
  offersRunbooks?: (incident: Incident) => boolean;
  /** Whether the card offers "Page on-call" (an escalation policy applies). */
  offersPaging?: (incident: Incident) => boolean;
  /**
   * A card was posted, or found after a restart that cut in between posting and recording it (so
   * what follows a post still happens; handlers must be idempotent). `home`: it is the card in the
   * incident's home channel (its route's, else the alert channel), not the one in its own channel.
   */
  onPosted?: (seq: number, channel: string, home: boolean) => void;
  /** The cards show this version of the incident now: what else shows it (page DMs) follows. */
  onSynced?: (incident: Incident) => void;
  /** Delay before a failed sync is tried again, by attempt number. */
  retryDelayMs?: (attempt: number) => number;
  /**
   * Replicas sharing the store sync one incident's cards one at a time (lease `card:<seq>`): two
   * posting at once would post two cards. Absent: this process is the only one.
   */
  leased?: LeasedWork;
}

const STORM_CARD_AGAIN_AFTER_MS = 500;

/**
 * Keeps each incident's Slack card equal to the stored incident: posts it once, then chat.updates
 * it whenever the incident's version moves past what the card shows.
 *
 * Post-once across crashes and lost answers: the intent to post is stored before posting, and
 * every card carries message metadata naming its incident. A card whose post was started but whose
 * ts was never recorded (a crash, or Slack answering 500 after posting) is looked for in the
 * channel before anything is posted again.
 */
export class CardSync {
  private readonly runner = new KeyedRunner<number>(
    (seq) => this.syncWithRetry(seq),
    (error, seq) => this.deps.logger.error({ err: error, incidentSeq: seq }, 'card sync crashed'),
    // A storm's card is asked for on every signal of every member: in a burst it is redrawn
    // twice a second at most, each time with all that changed.
    (seq) => (this.storms.has(seq) ? STORM_CARD_AGAIN_AFTER_MS : 0),
  );
  /** Incidents seen to be storms, whose redraws are spaced out. */
  private readonly storms = new Set<number>();
  private readonly failures = new Map<number, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Set by stop(): a sync that fails from then on is left in the store for the next start. */
  private stopped = false;

  constructor(private readonly deps: CardSyncDeps) {}

  request(seq: number): void {
    this.runner.request(seq);
  }

  /** Re-syncs every card that is missing, unconfirmed or stale (at start-up, after a crash). */
  async resumeAll(): Promise<void> {
    for (const seq of await this.deps.store.listIncidentsNeedingCardSync()) this.request(seq);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async syncWithRetry(seq: number): Promise<void> {
    try {
      await this.sync(seq);
      this.failures.delete(seq);
    } catch (error) {
      const attempt = (this.failures.get(seq) ?? 0) + 1;
      this.failures.set(seq, attempt);
      const delay = (this.deps.retryDelayMs ?? ((n) => Math.min(60_000, 1000 * 2 ** n)))(attempt);
      if (this.stopped) {
        // A retry timer set now would make the card busy again, and a stop waiting for idle never end.
        this.deps.logger.warn(
          { err: error, incidentSeq: seq },
          'card sync failed while stopping; the next start retries it',
        );
        return;
      }
      this.deps.logger.error({ err: error, incidentSeq: seq, attempt, retryInMs: delay }, 'card sync failed');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.request(seq);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private async sync(seq: number): Promise<void> {
    const { leased } = this.deps;
    if (!leased) return this.syncNow(seq);
    // Busy: another replica is syncing this incident; the periodic resumeAll looks again, and
    // syncs what that replica left behind (a version that moved on while it worked).
    await leased.run(`card:${seq}`, () => this.syncNow(seq));
  }

  private async syncNow(seq: number): Promise<void> {
    const incident = await this.deps.store.getIncident(seq);
    if (!incident) return;
    if (incident.storm) this.storms.add(seq);
    const channels = [
      homeChannelOf(incident, this.deps.alertChannel),
      ...(incident.channelId ? [incident.channelId] : []),
    ];
    // Under Slack's limits, the worse incident's card goes first (and what follows it: DMs, pictures).
    await runForIncident(incident, async () => {
      for (const channel of channels) await this.syncIn(incident, channel);
      this.deps.onSynced?.(incident);
    });
  }

  /** One card in one channel: find it after a crash, else post it once, else update it if stale. */
  private async syncIn(incident: Incident, channel: string): Promise<void> {
    const { store, slack, clock } = this.deps;
    const seq = incident.seq;
    let card = await store.getCard(seq, channel);
    const findCard = (since: Date) => () =>
      slack.findMessageByMetadata(
        channel,
        since,
        CARD_METADATA_EVENT_TYPE,
        (payload) => payload.incident_seq === seq,
      );
    if (card && !card.ts) {
      const found = await findCard(card.postStartedAt)();
      if (found) {
        this.deps.logger.info(
          { incidentSeq: seq, channel, ts: found },
          'found a card posted before a restart',
        );
        await store.recordCardPosted(seq, channel, found, 0);
        card = { ...card, ts: found, renderedVersion: 0 };
        this.deps.onPosted?.(seq, channel, channel === homeChannelOf(incident, this.deps.alertChannel));
      }
    }
    // A storm member is shown on the storm's card: only a card posted before it joined is kept (updated).
    if (!card && incident.stormSeq !== undefined) return;
    if (!card) card = await store.beginCardPost(seq, channel, clock.now());
    const content = this.render(incident, channel, await loadStormMembers(this.deps.store, incident));
    if (!card.ts) {
      const { ts, found } = await postOrFind(slack, content, findCard(card.postStartedAt));
      if (found)
        this.deps.logger.info({ incidentSeq: seq, channel, ts }, 'found a card whose post answer was lost');
      await store.recordCardPosted(seq, channel, ts, incident.version);
      this.deps.onPosted?.(seq, channel, channel === homeChannelOf(incident, this.deps.alertChannel));
      return;
    }
    if (card.renderedVersion < incident.version) {
      await slack.updateMessage({ ...content, ts: card.ts });
      await store.recordCardRendered(seq, channel, incident.version);
    }
  }

  private render(incident: Incident, channel: string, members: readonly Incident[]) {
    const card = buildIncidentCard(incident, {
      members,
      defaultRegion: this.deps.defaultRegion,
      accounts: this.deps.accounts,
      offerRunbooks: this.deps.offersRunbooks?.(incident),
      offerPaging: this.deps.offersPaging?.(incident),
    });
    return { channel, text: card.text, blocks: card.blocks, metadata: card.metadata };
  }
}
