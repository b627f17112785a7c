import { z } from 'zod';
import { PERMISSION_FOR } from '../src/incidents/index.ts';
import { completeReplyText, reviewReplyText } from '../src/reviews/index.ts';
import { resolveTarget } from './incident-target.ts';
import { incidentIdWord, parseArguments } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident review [id] [done]';

const done = z
  .string()
  .refine((word) => word.toLowerCase() === 'done', { message: 'The only word after the id is `done`.' });

const reviewArgs = z.union([
  z.tuple([]).transform(() => ({ id: undefined, done: false })),
  z.tuple([done]).transform(() => ({ id: undefined, done: true })),
  z.tuple([incidentIdWord]).transform(([id]) => ({ id, done: false })),
  z.tuple([incidentIdWord, done]).transform(([id]) => ({ id, done: true })),
]);

/**
 * `/incident review [id]`: drafts the post-incident review of a resolved incident, or regenerates it
 * from the record until it is complete; `/incident review [id] done` marks it complete (frozen).
 */
export const reviewCommand: Subcommand<{ id: number | undefined; done: boolean }> = {
  name: 'review',
  usage: USAGE,
  summary: 'draft (or regenerate) the post-incident review of a resolved incident; `done` marks it complete',
  parse: (text) => parseArguments(reviewArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    if (!(await allowedOrTold(ctx, PERMISSION_FOR.resolve, incident))) return;
    const { reviews } = ctx.deps;
    if (ctx.args.done) {
      await ctx.reply(completeReplyText(incident.seq, await reviews.complete(incident.seq, ctx.userId)));
      return;
    }
    await ctx.reply(reviewReplyText(incident.seq, await reviews.write(incident.seq)));
  },
};
