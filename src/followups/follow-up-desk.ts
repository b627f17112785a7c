import { randomBytes } from 'node:crypto';
import type { OpsCenterPort } from '../aws/ops-center-port.ts';
import type { Clock } from '../clock.ts';
import { isBotError } from '../errors.ts';
import type { Incident } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import type { FollowUp, FollowUpStatus } from '../store/follow-up-store.ts';
import type { Store } from '../store/store.ts';
import type { FollowUpScope } from './follow-up-blocks.ts';
import { OpsCenterSync } from './ops-center-sync.ts';
import { draftOpsItem } from './ops-item-draft.ts';

/** An open follow-up without an OpsItem is tracked again at most this often. */
const RETRY_CREATE_MS = 5 * 60_000;

export interface FollowUpDeskDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** `followups.opsCenter` and the port; either missing: warroom's own records only. */
  opsCenter?: OpsCenterPort;
  /** The incident's link for the OpsItem (its card's permalink), when there is one. */
  incidentLink: (incident: Incident) => Promise<string | undefined>;
}

/** What became of the OpsItem of a follow-up just created or changed. */
export type OpsCenterOutcome =
  | { kind: 'tracked'; opsItemId: string }
  | { kind: 'off' }
  /** AWS refused the call; `first` is true the first time this process is refused (said once). */
  | { kind: 'denied'; first: boolean }
  | { kind: 'failed'; message: string };

export interface NewFollowUp {
  incident: Incident;
  title: string;
  owner?: string;
  due?: string;
  createdBy: string;
  /** The Slack request (view id, trigger id): the same request creates one follow-up. */
  dedupeKey: string;
}

/**
 * Follow-ups tracked to done: warroom's record first (so nothing is lost when AWS fails), then the
 * OpsCenter OpsItem when `followups.opsCenter` is on. Done and Reopen write both; what people
 * change in OpsCenter is read back by `syncSome` (a few per tick) and `refresh` (when listed).
 */
export class FollowUpDesk {
  private denialSaid = false;
  private createPausedUntil = 0;
  private readonly sync: OpsCenterSync;

  constructor(private readonly deps: FollowUpDeskDeps) {
    this.sync = new OpsCenterSync(deps);
  }

  get tracksInOpsCenter(): boolean {
    return this.deps.opsCenter !== undefined;
  }

  async create(
    input: NewFollowUp,
  ): Promise<{ followUp: FollowUp; created: boolean; opsCenter: OpsCenterOutcome }> {
    const now = this.deps.clock.now();
    const draft: FollowUp = {
      id: `fu-${randomBytes(5).toString('hex')}`,
      seq: input.incident.seq,
      title: input.title,
      ...(input.owner ? { owner: input.owner } : {}),
      ...(input.due ? { due: input.due } : {}),
      status: 'open',
      createdBy: input.createdBy,
      createdAt: now,
      statusAt: now,
    };
    const { followUp, created } = await this.deps.store.followUps.create(draft, input.dedupeKey);
    if (followUp.opsItemId)
      return { followUp, created, opsCenter: { kind: 'tracked', opsItemId: followUp.opsItemId } };
    const tracked = await this.track(followUp, input.incident);
    return { ...tracked, created };
  }

  /** Makes the follow-up's OpsItem (once: OpsCenter's dedup string finds one made before). */
  private async track(
    followUp: FollowUp,
    incident: Incident,
  ): Promise<{ followUp: FollowUp; opsCenter: OpsCenterOutcome }> {
    const opsCenter = this.deps.opsCenter;
    if (!opsCenter) return { followUp, opsCenter: { kind: 'off' } };
    try {
      const link = await this.deps.incidentLink(incident).catch(() => undefined);
      const opsItemId = await opsCenter.createOpsItem(draftOpsItem(followUp, incident, link));
      const now = this.deps.clock.now();
      const linked = (await this.deps.store.followUps.linkOpsItem(followUp.id, opsItemId, now)) ?? followUp;
      return { followUp: linked, opsCenter: { kind: 'tracked', opsItemId: linked.opsItemId ?? opsItemId } };
    } catch (error) {
      return { followUp, opsCenter: this.outcomeOf(error, 'CreateOpsItem') };
    }
  }

  /** Done or open again, here and in OpsCenter. Undefined when there is no such follow-up. */
  async setStatus(
    id: string,
    status: FollowUpStatus,
    by: string,
  ): Promise<{ followUp: FollowUp; opsCenter: OpsCenterOutcome } | undefined> {
    const now = this.deps.clock.now();
    const followUp = await this.deps.store.followUps.setStatus(id, status, by, now);
    if (!followUp) return undefined;
    const opsCenter = this.deps.opsCenter;
    if (!opsCenter || !followUp.opsItemId) return { followUp, opsCenter: { kind: 'off' } };
    try {
      await opsCenter.setOpsItemStatus(followUp.opsItemId, status === 'done' ? 'Resolved' : 'Open');
      await this.deps.store.followUps.markSynced(id, now);
      return { followUp, opsCenter: { kind: 'tracked', opsItemId: followUp.opsItemId } };
    } catch (error) {
      return { followUp, opsCenter: this.outcomeOf(error, 'UpdateOpsItem') };
    }
  }

  /**
   * A list as people asked for it: an incident's follow-ups (open and done), every open one, or
   * the open ones `userId` owns; OpsCenter's changes read back first, so it is current.
   */
  async list(scope: FollowUpScope, userId: string): Promise<FollowUp[]> {
    const followUps = this.deps.store.followUps;
    if (scope.kind === 'incident') return this.refresh(await followUps.listFor(scope.seq));
    const open = await followUps.listOpen();
    const wanted = scope.kind === 'open' ? open : open.filter((followUp) => followUp.owner === userId);
    return (await this.refresh(wanted)).filter((followUp) => followUp.status === 'open');
  }

  /** Reads the listed follow-ups' OpsItems back first (a few), so a list shows OpsCenter's word. */
  refresh(followUps: readonly FollowUp[]): Promise<FollowUp[]> {
    return this.sync.refresh(followUps);
  }

  /**
   * One background pass: the open follow-ups synced longest ago, a few per pass, and one open
   * follow-up without an OpsItem (CreateOpsItem failed, or it was made while OpsCenter was off)
   * tracked again, each at most every 5 minutes. Answers how many were handled.
   */
  async syncSome(): Promise<number> {
    if (!this.deps.opsCenter) return 0;
    const open = await this.deps.store.followUps.listOpen();
    return (await this.sync.syncSome(open)) + (await this.trackOneUntracked(open));
  }

  private async trackOneUntracked(open: readonly FollowUp[]): Promise<number> {
    const now = this.deps.clock.now();
    if (now.getTime() < this.createPausedUntil) return 0;
    const untracked = open.find(
      (followUp) =>
        !followUp.opsItemId &&
        now.getTime() - (followUp.lastSyncedAt ?? followUp.createdAt).getTime() >= RETRY_CREATE_MS,
    );
    const incident = untracked && (await this.deps.store.getIncident(untracked.seq));
    if (!untracked || !incident) return 0;
    // The attempt counts as a sync: the next one for this follow-up waits its turn.
    await this.deps.store.followUps.markSynced(untracked.id, now);
    const { opsCenter } = await this.track(untracked, incident);
    // Refused: no more attempts for a while, whichever follow-up (IAM changes slowly).
    if (opsCenter.kind === 'denied') this.createPausedUntil = now.getTime() + RETRY_CREATE_MS;
    return 1;
  }

  private outcomeOf(error: unknown, operation: string): OpsCenterOutcome {
    if (isBotError(error) && error.code === 'AWS.ACCESS_DENIED') {
      const first = !this.denialSaid;
      this.denialSaid = true;
      this.deps.logger.warn({ err: error }, `OpsCenter ${operation} denied: follow-ups stay in warroom only`);
      return { kind: 'denied', first };
    }
    this.deps.logger.warn({ err: error }, `OpsCenter ${operation} failed`);
    return {
      kind: 'failed',
      message: isBotError(error) ? error.userMessage : 'OpsCenter could not be reached.',
    };
  }
}
