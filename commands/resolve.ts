import { z } from 'zod';
import { buildResolveModal, PERMISSION_FOR, resolve } from '../src/incidents/index.ts';
import { performAndReply, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import { unquoteWhole } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

/** As long as the resolve modal's summary field allows. */
const MAX_SUMMARY = 3000;

const resolveArgs = z
  .string()
  .transform((text) => {
    const { id, rest } = splitLeadingId(text);
    const summary = unquoteWhole(rest);
    return { id, summary: summary || undefined };
  })
  .refine((args) => (args.summary?.length ?? 0) <= MAX_SUMMARY, {
    message: `A summary can be at most ${MAX_SUMMARY} characters; leave it out and the resolve form opens.`,
  });

const USAGE = '/incident resolve [id] [summary]';

/** `/incident resolve [id] [summary]`; without a summary, the resolve modal asks for one. */
export const resolveCommand: Subcommand<{ id: number | undefined; summary: string | undefined }> = {
  name: 'resolve',
  usage: USAGE,
  summary: 'resolve an incident (no summary: a form asks for one)',
  hint: 'a leading `INC-42` (or `42`) names the incident; everything else is the summary',
  parse: (text) => parseWith(resolveArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    if (ctx.args.summary !== undefined) {
      await performAndReply(ctx, incident, { kind: 'resolve', summary: ctx.args.summary });
      return;
    }
    // No form for an incident that is already resolved: say so, as the transition itself would.
    const already = resolve(incident, undefined, { userId: ctx.userId }, ctx.deps.clock.now());
    if (already.kind === 'unchanged') {
      await ctx.reply(already.message);
      return;
    }
    if (!(await allowedOrTold(ctx, PERMISSION_FOR.resolve, incident))) return;
    await ctx.deps.slack.openView(ctx.triggerId, buildResolveModal(incident, { channelId: ctx.channelId }));
  },
};
