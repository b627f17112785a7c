import { z } from 'zod';
import { parseTypedTime, TYPED_TIME_FORMS } from '../src/incidents/index.ts';
import { performAndReply, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const startedArgs = z
  .string()
  .transform((text) => splitLeadingId(text))
  .transform(({ id, rest }) => ({ id, when: rest.trim() }))
  .refine((args) => args.when.length > 0, { message: `Say when impact started: ${TYPED_TIME_FORMS}.` });

const USAGE = '/incident started [id] <time>';

/**
 * `/incident started [id] <time>`: corrects when impact started. The time is read when the command
 * runs (`09:40` is today, by the clock), and refused when it is in the future or after detection.
 */
export const startedCommand: Subcommand<{ id: number | undefined; when: string }> = {
  name: 'started',
  usage: USAGE,
  summary: 'set when impact started (UTC unless a zone is given)',
  hint: `the time as ${TYPED_TIME_FORMS}`,
  parse: (text) => parseWith(startedArgs, text),
  async run(ctx) {
    const typed = parseTypedTime(ctx.args.when, ctx.deps.clock.now());
    if (!typed.ok) {
      await ctx.reply(`Nothing changed. ${typed.problem}\nUsage: \`${USAGE}\``);
      return;
    }
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    await performAndReply(ctx, incident, { kind: 'started', at: typed.at });
  },
};
