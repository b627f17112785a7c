import { answerRdsRequest, rdsPermission } from '../../src/rds/index.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { type DatabaseActionDeps, permittedIncident } from './permitted-incident.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * Take snapshot, in the confirmation the Database menu's Snapshot answers with: `/incident rds
 * snapshot`, needing `runbook`. A second click in the same minute names the same snapshot, which
 * RDS refuses, so it starts one snapshot and says so.
 */
export function handleTakeSnapshotButton(deps: DatabaseActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await permittedIncident(deps, args, click, rdsPermission('snapshot'));
    if (!incident) return;
    const reply = await answerRdsRequest(
      deps.rds,
      incident,
      { action: 'snapshot' },
      click.userId,
      `click:${click.triggerId}`,
    );
    await tellClicker(deps, args, click, reply);
  });
}
