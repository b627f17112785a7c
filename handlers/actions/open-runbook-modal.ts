import { toBotError } from '../../src/errors.ts';
import { deniedText, incidentId } from '../../src/incidents/index.ts';
import { buildRunbookModal } from '../../src/runbooks/index.ts';
import type { CardClick, CardClickArgs } from './card-click.ts';
import { type RunbookActionDeps, showRunbookPlan } from './runbook-deps.ts';
import { tellClicker } from './tell-clicker.ts';

/**
 * The Run runbook modal for a click: the card's Run runbook (the first fitting runbook chosen) or a
 * check's "Run <runbook>" beside a ✗ (that runbook chosen). Opens at once (the trigger lasts 3 s,
 * and preparing needs AWS), then prepares the chosen runbook and shows what would run. The
 * `runbook` permission, the incident and the catalog are checked before anything opens.
 */
export async function openRunbookModal(
  deps: RunbookActionDeps,
  args: CardClickArgs,
  click: CardClick,
  runbookId?: string,
): Promise<void> {
  const { runbooks } = deps.runbooks;
  const incident = await deps.store.getIncident(click.ref.seq);
  // After the incident is read: a `team:` rule lets a team act only on the incidents it owns.
  const denial = incident && (await runbooks.refusal(click.userId, incident));
  if (denial) {
    deps.logger.warn(
      { userId: click.userId, permission: 'runbook', seq: click.ref.seq },
      'permission refused',
    );
    await tellClicker(deps, args, click, deniedText(denial));
    return;
  }
  if (!incident || incident.status === 'resolved') {
    const why = incident
      ? `${incidentId(incident.seq)} is resolved; reopen it first.`
      : 'That incident does not exist.';
    await tellClicker(deps, args, click, why);
    return;
  }
  const fitting = runbooks.fitting(incident);
  const selected = runbookId ? fitting.find((runbook) => runbook.id === runbookId) : fitting[0];
  if (!selected) {
    const id = incidentId(incident.seq);
    const why = runbookId
      ? `The runbook \`${runbookId}\` is no longer in warroom's catalog for ${id}.`
      : `No runbook in warroom's catalog fits ${id}.`;
    await tellClicker(deps, args, click, why);
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
    deps.logger.warn({ err: error, code: coded.code, seq: incident.seq }, 'could not open the runbook modal');
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
}
