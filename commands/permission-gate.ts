import type { PermissionAction } from '../src/config/config.ts';
import { deniedText } from '../src/incidents/index.ts';
import type { CommandContext } from './subcommand.ts';

/**
 * Checks a permission before opening a modal, so nobody fills in a form only to be refused on
 * submit (the submission is checked again by Triage). A refusal is answered and logged.
 */
export async function allowedOrTold(
  ctx: CommandContext<unknown>,
  permission: PermissionAction,
): Promise<boolean> {
  if (await ctx.deps.permissions.allows(permission, ctx.userId)) return true;
  ctx.deps.logger.warn({ userId: ctx.userId, permission, via: 'slash-command' }, 'permission refused');
  await ctx.reply(deniedText(permission));
  return false;
}
