import type { App, BlockAction } from '@slack/bolt';
import { toBotError } from '../../src/errors.ts';
import { incidentId } from '../../src/incident/incident.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import { buildRunbookModal } from '../../src/slack/runbook-modal.ts';
import { deniedText } from '../../src/slack/triage-replies.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { type RunbookActionDeps, showRunbookPlan } from './runbook-deps.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * Run runbook: opens the modal at once (the trigger lasts 3 s, and preparing needs AWS), showing the
 * runbooks that fit; then prepares the first and updates the modal with what would run.
 */
export function handleRunRunbookButton(deps: RunbookActionDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const { runbooks } = deps.runbooks;
    if (!(await runbooks.allows(click.userId))) {
      deps.logger.warn(
        { userId: click.userId, permission: 'runbook', seq: click.ref.seq },
        'permission refused',
      );
      await tellClicker(deps, args, click, deniedText('runbook'));
      return;
    }
    const incident = await deps.store.getIncident(click.ref.seq);
    if (!incident || incident.status === 'resolved') {
      const why = incident
        ? `${incidentId(incident.seq)} is resolved; reopen it first.`
        : 'That incident does not exist.';
      await tellClicker(deps, args, click, why);
      return;
    }
    const fitting = runbooks.fitting(incident);
    const selected = fitting[0];
    if (!selected) {
      await tellClicker(
        deps,
        args,
        click,
        `No runbook in warroom's catalog fits ${incidentId(incident.seq)}.`,
      );
      return;
    }
    const input = { incident, fitting, selected, channelId: click.channelId };
    let view: { viewId: string; hash?: string };
    try {
      view = await deps.slack.openModal(
        click.triggerId,
        buildRunbookModal({ ...input, state: { kind: 'loading' } }),
      );
    } catch (error) {
      const coded = toBotError(error);
      deps.logger.warn(
        { err: error, code: coded.code, seq: incident.seq },
        'could not open the runbook modal',
      );
      const command = `/incident runbook ${incidentId(incident.seq)} ${selected.id}`;
      await tellClicker(
        deps,
        args,
        click,
        `Slack did not open the form: ${coded.userMessage} Click again, or use \`${command}\`.`,
      );
      return;
    }
    await showRunbookPlan(deps, view, input);
  });
}

export function registerRunRunbookButton(app: App, deps: RunbookActionDeps): void {
  app.action<BlockAction>(ACTION_IDS.runRunbook, (args) => handleRunRunbookButton(deps, args));
}
