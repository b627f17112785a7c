import { answerRdsRequest, rdsPermission } from '../src/rds/index.ts';
import { resolveTarget } from './incident-target.ts';
import { parseArguments } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import { DEFAULT_LOG_LINES, MAX_LOG_LINES, type RdsArgs, rdsArgs } from './rds-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident rds [id] status|check|logs [file] [lines]|snapshot';

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
  parse: (text) => parseArguments(rdsArgs, text),
  async run(ctx) {
    const { args, deps } = ctx;
    // The same answers as the card's Database menu (handlers/actions/database-menu.ts).
    const incident = await resolveTarget(ctx, args.id, USAGE);
    if (!incident || !(await allowedOrTold(ctx, rdsPermission(args.action), incident))) return;
    await ctx.reply(await answerRdsRequest(deps.rds, incident, args, ctx.userId, `cmd:${ctx.triggerId}`));
  },
};
