import type { PermissionAction } from '../src/config/config.ts';
import { resolveTarget } from './incident-target.ts';
import { parseWith, words } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import { DEFAULT_LOG_LINES, MAX_LOG_LINES, type RdsArgs, rdsArgs } from './rds-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident rds [id] status|check|logs [file] [lines]|snapshot';

/** Reading needs `triage`; a snapshot changes the account, so it needs `runbook`. */
function permissionFor(args: RdsArgs): PermissionAction {
  return args.action === 'snapshot' ? 'runbook' : 'triage';
}

/**
 * `/incident rds`: the incident's database. `status` (engine, class, storage, endpoint, pending
 * maintenance), `check` (security and resilience posture, ✓/✗ with the fixing runbook), `logs`
 * (the last lines of the newest or named log file, posted in the card's thread) and `snapshot`
 * (a manual snapshot named after the incident, reported in the thread when available).
 */
export const rdsCommand: Subcommand<RdsArgs> = {
  name: 'rds',
  usage: USAGE,
  summary: "the incident's database: status, security check, recent log lines, or a snapshot",
  hint: `logs shows the last ${DEFAULT_LOG_LINES} lines of the newest file unless told (at most ${MAX_LOG_LINES}); snapshot needs the \`runbook\` permission`,
  parse: (text) => parseWith(rdsArgs, words(text)),
  async run(ctx) {
    const { args, deps } = ctx;
    if (!(await allowedOrTold(ctx, permissionFor(args)))) return;
    const incident = await resolveTarget(ctx, args.id, USAGE);
    if (!incident) return;
    switch (args.action) {
      case 'status':
        await ctx.reply(await deps.rds.status(incident));
        return;
      case 'check':
        await ctx.reply(await deps.rds.check(incident));
        return;
      case 'logs':
        await ctx.reply(
          await deps.rds.logs(
            incident,
            { file: args.file, lines: args.lines },
            ctx.userId,
            `cmd:${ctx.triggerId}`,
          ),
        );
        return;
      case 'snapshot':
        await ctx.reply(await deps.rds.snapshot(incident, ctx.userId));
        return;
    }
  },
};
