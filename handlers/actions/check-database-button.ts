import { answerRdsRequest, rdsPermission } from '../../src/rds/index.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { type DatabaseActionDeps, permittedIncident } from './permitted-incident.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * Check snapshot on a snapshot incident's card (and Check database on cards drawn before the
 * Database menu): the `/incident rds check` answer, shown only to the clicker. It reads and
 * changes nothing, so a double click or a Slack retry just answers twice. Needs `triage`.
 */
export function handleCheckDatabaseButton(deps: DatabaseActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await permittedIncident(deps, args, click, rdsPermission('check'));
    if (!incident) return;
    const key = `click:${click.triggerId}`;
    await tellClicker(
      deps,
      args,
      click,
      await answerRdsRequest(deps.rds, incident, { action: 'check' }, click.userId, key),
    );
  });
}
