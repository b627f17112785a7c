import { z } from 'zod';
import { performAndReply, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

/** As long as the Reopen modal's reason field allows. */
const MAX_REASON = 3000;

const reopenArgs = z
  .string()
  .transform((text) => {
    const { id, rest } = splitLeadingId(text);
    return { id, reason: unquoteWhole(rest) };
  })
  .refine((args) => args.reason.length > 0, {
    message: 'Say why it is reopened after the id: the reason stays with the resolution it undoes.',
  })
  .refine((args) => args.reason.length <= MAX_REASON, {
    message: `A reason can be at most ${MAX_REASON} characters.`,
  });

const USAGE = '/incident reopen [id] <reason>';

/** `/incident reopen [id] <reason>`: as the resolved card's Reopen button, the reason required. */
export const reopenCommand: Subcommand<{ id: number | undefined; reason: string }> = {
  name: 'reopen',
  usage: USAGE,
  summary: 'reopen a resolved incident, saying why (its resolution stays on the timeline)',
  hint: 'a leading `INC-42` (or `42`) names the incident; everything else is the reason',
  parse: (text) => parseWith(reopenArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    await performAndReply(ctx, incident, { kind: 'reopen', reason: ctx.args.reason });
  },
};
