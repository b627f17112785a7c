import { createdText, parseDue } from '../src/followups/index.ts';
import { deniedText } from '../src/incidents/index.ts';
import { matchPageNames, unmatchedNamesText } from '../src/paging/index.ts';
import { type FollowUpArgs, followUpArgs } from './followup-args.ts';
import { resolveTarget } from './incident-target.ts';
import { parseWith, quote } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident followup [id] <text> [@owner] [YYYY-MM-DD|today|tomorrow|in 3d|in 2w]';

/**
 * `/incident followup [id] <text> [@owner] [due]`: a follow-up of the incident, tracked in
 * OpsCenter when `followups.opsCenter` is on. The same command delivered twice adds one.
 */
export const followupCommand: Subcommand<FollowUpArgs> = {
  name: 'followup',
  usage: USAGE,
  summary: 'add a follow-up to track to done (an OpsCenter OpsItem)',
  hint: 'a trailing @mention is the owner and a trailing date (2026-12-15, tomorrow, in 3d) when it is due',
  parse: (text) => parseWith(followUpArgs, text),
  async run(ctx) {
    const { dueText, ownerName, title } = ctx.args;
    const due = dueText === undefined ? undefined : parseDue(dueText, ctx.deps.clock.now());
    if (due && !due.ok) return ctx.reply(`${due.problem}\nUsage: \`${USAGE}\``);
    let owner = ctx.args.owner;
    if (ownerName) {
      // Looked up as /incident take looks a name up; a name that is nobody adds nothing.
      const [match] = await matchPageNames(ctx.deps.slack, [ownerName]);
      if (match?.kind !== 'found' || match.target.startsWith('S')) {
        const problem =
          match?.kind === 'found'
            ? `${quote(ownerName)} is a user group; a follow-up has one owner.`
            : unmatchedNamesText(match ? [match] : []);
        return ctx.reply(`No follow-up added.\n${problem}`);
      }
      owner = match.target;
    }
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const denial = await ctx.deps.permissions.refusal('triage', ctx.userId, incident);
    if (denial) return ctx.reply(deniedText(denial));
    const { followUp, created, opsCenter } = await ctx.deps.followUps.create({
      incident,
      title,
      ...(owner ? { owner } : {}),
      ...(due?.ok ? { due: due.due } : {}),
      createdBy: ctx.userId,
      dedupeKey: `cmd:${ctx.triggerId}`,
    });
    await ctx.reply(createdText(followUp, created, opsCenter, ctx.deps.config.aws.region));
  },
};
