import type { Incident } from '../incidents/index.ts';
import type { PageDmRecord, PageDmStore } from '../store/page-dm-store.ts';
import type { PageReason } from './page-message.ts';

/**
 * The DM a person already has for this stage of a storm, if any: one a member sent them at the
 * same escalation stage before the storm formed (moved to the storm, or about to be). The storm
 * then points that DM at itself rather than paging the same person again: one DM per person per
 * stage across the storm. A member's DM not moved yet (its join is still being handled) is moved
 * here. Manual pages always DM: someone asked for them.
 */
export async function findStormStageDm(
  pageDms: PageDmStore,
  storm: Incident,
  channel: string,
  reason: PageReason,
): Promise<PageDmRecord | undefined> {
  if (!storm.storm || reason.kind !== 'stage') return undefined;
  const sameStage = (dm: PageDmRecord) =>
    dm.channel === channel && dm.reason.kind === 'stage' && dm.reason.index === reason.index;
  const moved = (await pageDms.listFor(storm.seq)).find((dm) => dm.memberSeq !== undefined && sameStage(dm));
  if (moved) return moved;
  for (const member of storm.storm.members) {
    const earlier = (await pageDms.listFor(member)).find(sameStage);
    if (!earlier) continue;
    await pageDms.moveToStorm(member, storm.seq);
    return { ...earlier, seq: storm.seq, memberSeq: member, renderedVersion: 0 };
  }
  return undefined;
}
