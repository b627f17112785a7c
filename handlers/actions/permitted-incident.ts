import type { SlackHandlerDeps } from '../../src/app.ts';
import type { PermissionAction } from '../../src/config/config.ts';
import type { Incident } from '../../src/incidents/index.ts';
import { deniedText } from '../../src/incidents/index.ts';
import type { CardActionDeps, CardClick, CardClickArgs } from './card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/** What the database listeners need: the card frame and the RDS desk. */
export type DatabaseActionDeps = CardActionDeps & Pick<SlackHandlerDeps, 'rds'>;

/**
 * The clicked incident when the clicker has `permission` (the same one `/incident rds` asks for),
 * else undefined after telling them why.
 */
export async function permittedIncident(
  deps: CardActionDeps,
  args: CardClickArgs,
  click: CardClick,
  permission: PermissionAction,
): Promise<Incident | undefined> {
  const incident = await deps.store.getIncident(click.ref.seq);
  if (!incident) {
    await tellClicker(deps, args, click, 'That incident does not exist.');
    return undefined;
  }
  // A `team:` rule lets a team act only on the incidents it owns, so the incident comes first.
  const denial = await deps.permissions.refusal(permission, click.userId, incident);
  if (denial) {
    deps.logger.warn({ userId: click.userId, permission, via: 'button' }, 'permission refused');
    await tellClicker(deps, args, click, deniedText(denial));
    return undefined;
  }
  return incident;
}
