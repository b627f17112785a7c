import type { PermissionAction } from '../src/config/config.ts';
import { deniedText } from '../src/incidents/index.ts';
import type { PermissionScope } from '../src/permissions/index.ts';
import type { CommandContext } from './subcommand.ts';

/**
 * Checks a permission before opening a modal, so nobody fills in a form only to be refused on
 * submit (the submission is checked again by Triage). A refusal is answered and logged. Pass the
 * incident acted on: a `team:` rule lets a team act only on the incidents it owns.
 */
export async function allowedOrTold(
  ctx: CommandContext<unknown>,
  permission: PermissionAction,
  incident?: PermissionScope,
): Promise<boolean> {
  const denial = await ctx.deps.permissions.refusal(permission, ctx.userId, incident);
  if (!denial) return true;
  ctx.deps.logger.warn(
    { userId: ctx.userId, permission, seq: incident?.seq, via: 'slash-command' },
    'permission refused',
  );
  await ctx.reply(deniedText(denial));
  return false;
}
