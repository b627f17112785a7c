import type { App, BlockAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { deniedText } from '../../src/slack/triage-replies.ts';
import type { CardActionDeps, CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { tellClicker } from './tell-clicker.ts';

export type CheckDatabaseDeps = CardActionDeps & Pick<SlackHandlerDeps, 'rds'>;

/**
 * Check database: the `/incident rds check` answer, shown only to the clicker. It reads and changes
 * nothing, so a double click or a Slack retry just answers twice. Needs `triage`, as the command.
 */
export function handleCheckDatabaseButton(deps: CheckDatabaseDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    if (!(await deps.permissions.allows('triage', click.userId))) {
      deps.logger.warn({ userId: click.userId, permission: 'triage', via: 'button' }, 'permission refused');
      await tellClicker(deps, args, click, deniedText('triage'));
      return;
    }
    const incident = await deps.store.getIncident(click.ref.seq);
    if (!incident) {
      await tellClicker(deps, args, click, 'That incident does not exist.');
      return;
    }
    await tellClicker(deps, args, click, await deps.rds.check(incident));
  });
}

export function registerCheckDatabaseButton(app: App, deps: CheckDatabaseDeps): void {
  app.action<BlockAction>(ACTION_IDS.checkDatabase, (args) => handleCheckDatabaseButton(deps, args));
}
