import {
  answerRdsRequest,
  buildSnapshotPrompt,
  DEFAULT_LOG_LINES,
  type RdsRequest,
  rdsPermission,
} from '../../src/rds/index.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseDatabaseMenuClick } from './database-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { type DatabaseActionDeps, permittedIncident } from './permitted-incident.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * The card's Database menu: what `/incident rds` does, with its permissions. Status and Check
 * answer the clicker alone; Logs posts the last lines in the card's thread (the clicker is told
 * where) and a redelivered click posts once; Snapshot only asks, with a Take snapshot button.
 */
export function handleDatabaseMenu(deps: DatabaseActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseDatabaseMenuClick, async (click) => {
    const request: RdsRequest =
      click.choice === 'logs' ? { action: 'logs', lines: DEFAULT_LOG_LINES } : { action: click.choice };
    const incident = await permittedIncident(deps, args, click, rdsPermission(request.action));
    if (!incident) return;
    if (request.action === 'snapshot') {
      await tellClicker(deps, args, click, buildSnapshotPrompt(incident));
      return;
    }
    const key = `click:${click.triggerId}`;
    await tellClicker(
      deps,
      args,
      click,
      await answerRdsRequest(deps.rds, incident, request, click.userId, key),
    );
  });
}
