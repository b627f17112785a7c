import { z } from 'zod';
import { buildFollowUpList, type FollowUpScope } from '../src/followups/index.ts';
import { findIncident } from '../src/incidents/index.ts';
import { resolveTarget } from './incident-target.ts';
import { incidentIdWord, parseWith, quote } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident followups [id|mine|open]';

type ListArgs = { kind: 'here' } | { kind: 'mine' } | { kind: 'open' } | { kind: 'incident'; id: number };

const listArgs = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .transform((word, ctx): ListArgs => {
    if (word === '') return { kind: 'here' };
    if (word === 'mine' || word === 'open') return { kind: word };
    const id = incidentIdWord.safeParse(word);
    if (id.success) return { kind: 'incident', id: id.data };
    ctx.addIssue({ code: 'custom', message: `${quote(word)} is not an incident id, mine or open.` });
    return z.NEVER;
  });

/**
 * `/incident followups [id|mine|open]`: follow-ups with their status and Done/Reopen buttons. No
 * argument: this channel's incident, else every open one. OpsCenter is read first.
 */
export const followupsCommand: Subcommand<ListArgs> = {
  name: 'followups',
  usage: USAGE,
  summary: "list follow-ups (an incident's, yours, or all open ones) with Done/Reopen",
  hint: "no argument: this channel's incident, else every open follow-up",
  parse: (text) => parseWith(listArgs, text),
  async run(ctx) {
    let scope: FollowUpScope;
    if (ctx.args.kind === 'incident') {
      const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
      if (!incident) return;
      scope = { kind: 'incident', seq: incident.seq };
    } else if (ctx.args.kind === 'here') {
      const here = await findIncident(ctx.deps.store, undefined, ctx.channelId);
      scope = here.kind === 'found' ? { kind: 'incident', seq: here.incident.seq } : { kind: 'open' };
    } else {
      scope = { kind: ctx.args.kind };
    }
    const { followUps, clock, config } = ctx.deps;
    const listed = await followUps.list(scope, ctx.userId);
    await ctx.reply(buildFollowUpList(listed, scope, clock.now(), config.aws.region));
  },
};
