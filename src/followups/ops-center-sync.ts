import { DONE_OPS_ITEM_STATUSES, type OpsCenterPort } from '../aws/ops-center-port.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { FollowUp, FollowUpStatus } from '../store/follow-up-store.ts';
import type { Store } from '../store/store.ts';

/** Read back from OpsCenter in the background once this old. */
const SYNC_AFTER_MS = 60_000;
/** GetOpsItem calls per background pass: OpsCenter's read quota is shared with the console. */
const SYNC_PER_TICK = 3;
/** At most this many OpsItems read back when a list is shown (the rest wait for the background). */
const READ_ON_LIST = 10;

/**
 * Keeps follow-ups and their OpsItems together: what people change in OpsCenter is read back, what
 * warroom could not write there is written again. Without an OpsCenter port it does nothing.
 */
export class OpsCenterSync {
  constructor(
    private readonly deps: { store: Store; clock: Clock; logger: Logger; opsCenter?: OpsCenterPort },
  ) {}

  /** Reads the listed follow-ups' OpsItems back first (a few), so a list shows OpsCenter's word. */
  async refresh(followUps: readonly FollowUp[]): Promise<FollowUp[]> {
    const tracked = followUps.filter((followUp) => followUp.opsItemId).slice(0, READ_ON_LIST);
    const read = new Map<string, FollowUp>();
    await Promise.all(
      tracked.map(async (followUp) => {
        const current = await this.readBack(followUp);
        if (current) read.set(current.id, current);
      }),
    );
    return followUps.map((followUp) => read.get(followUp.id) ?? followUp);
  }

  /** One background pass over `open`: those synced longest ago (unsynced first), a few per pass. */
  async syncSome(open: readonly FollowUp[]): Promise<number> {
    if (!this.deps.opsCenter) return 0;
    const now = this.deps.clock.now().getTime();
    const stale = open
      .filter(
        (followUp) => followUp.opsItemId && now - (followUp.lastSyncedAt?.getTime() ?? 0) >= SYNC_AFTER_MS,
      )
      .sort((a, b) => (a.lastSyncedAt?.getTime() ?? 0) - (b.lastSyncedAt?.getTime() ?? 0))
      .slice(0, SYNC_PER_TICK);
    for (const followUp of stale) await this.readBack(followUp);
    return stale.length;
  }

  /**
   * Brings warroom and OpsCenter together. Changed here and not yet written there (a Done whose
   * UpdateOpsItem failed leaves `lastSyncedAt` unset): warroom's status is written to OpsCenter.
   * Otherwise OpsCenter's wins: someone closed (or reopened) it there.
   */
  private async readBack(followUp: FollowUp): Promise<FollowUp | undefined> {
    const opsCenter = this.deps.opsCenter;
    if (!opsCenter || !followUp.opsItemId) return undefined;
    const now = this.deps.clock.now();
    try {
      if (followUp.lastSyncedAt === undefined) {
        await opsCenter.setOpsItemStatus(
          followUp.opsItemId,
          followUp.status === 'done' ? 'Resolved' : 'Open',
        );
        await this.deps.store.followUps.markSynced(followUp.id, now);
        return { ...followUp, lastSyncedAt: now };
      }
      const status = await opsCenter.readOpsItemStatus(followUp.opsItemId);
      const there: FollowUpStatus = DONE_OPS_ITEM_STATUSES.has(status) ? 'done' : 'open';
      if (there === followUp.status) {
        await this.deps.store.followUps.markSynced(followUp.id, now);
        return { ...followUp, lastSyncedAt: now };
      }
      this.deps.logger.info({ followUp: followUp.id, status }, 'follow-up changed in OpsCenter');
      await this.deps.store.followUps.setStatus(followUp.id, there, undefined, now);
      await this.deps.store.followUps.markSynced(followUp.id, now);
      return await this.deps.store.followUps.get(followUp.id);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, followUp: followUp.id },
        'could not sync a follow-up with OpsCenter',
      );
      return undefined;
    }
  }
}
