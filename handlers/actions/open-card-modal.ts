import type { PermissionAction } from '../../src/config/config.ts';
import { toBotError } from '../../src/errors.ts';
import type { ModalContext } from '../../src/incidents/index.ts';
import { deniedText, type Incident, incidentId, resolve } from '../../src/incidents/index.ts';
import type { CardActionDeps, CardClick, CardClickArgs } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

export interface CardModal {
  permission: PermissionAction;
  build: (incident: Incident, context: ModalContext) => Record<string, unknown>;
  /** The command that does the same, offered when the modal cannot open. */
  fallback: (id: string) => string;
  /** Reopen's modal is for a resolved incident only; every other one is refused there. */
  forResolved?: boolean;
}

/**
 * Opens a modal from a card button with the click's trigger_id (valid 3 s, once). Refusals come
 * before the modal, not after the person typed: the permission, a missing incident, and a
 * resolved one (only Reopen works there; a stale card may still show these buttons), or for
 * Reopen's modal, one that is no longer resolved.
 */
export async function openCardModal(
  deps: CardActionDeps,
  args: CardClickArgs,
  click: CardClick,
  modal: CardModal,
): Promise<void> {
  const incident = await deps.store.getIncident(click.ref.seq);
  if (!incident) {
    await tellClicker(deps, args, click, 'That incident does not exist.');
    return;
  }
  // A `team:` rule lets a team act only on the incidents it owns, so the incident comes first.
  const denial = await deps.permissions.refusal(modal.permission, click.userId, incident);
  if (denial) {
    deps.logger.warn(
      { userId: click.userId, permission: modal.permission, seq: click.ref.seq },
      'permission refused',
    );
    await tellClicker(deps, args, click, deniedText(denial));
    return;
  }
  if (modal.forResolved && incident.status !== 'resolved') {
    await tellClicker(
      deps,
      args,
      click,
      `${incidentId(incident.seq)} is not resolved; there is nothing to reopen.`,
    );
    return;
  }
  if (!modal.forResolved && incident.status === 'resolved') {
    // A dry run of the pure transition words the refusal exactly as every other door does.
    const dryRun = resolve(incident, undefined, { userId: click.userId }, deps.clock.now());
    const said = dryRun.kind === 'unchanged' ? dryRun.message : `${incidentId(incident.seq)} is resolved.`;
    await tellClicker(deps, args, click, `${said} Reopen it first.`);
    return;
  }
  const context: ModalContext = click.channelId ? { channelId: click.channelId } : {};
  try {
    await deps.slack.openView(click.triggerId, modal.build(incident, context));
  } catch (error) {
    // Most often the trigger expired (Slack was slow to deliver the click): say what to do instead.
    const coded = toBotError(error);
    deps.logger.warn({ err: error, code: coded.code, seq: incident.seq }, 'could not open a modal');
    await tellClicker(
      deps,
      args,
      click,
      `Slack did not open the form: ${coded.userMessage} Click again, or use \`${modal.fallback(incidentId(incident.seq))}\`.`,
    );
  }
}
