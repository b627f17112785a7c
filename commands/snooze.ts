import { z } from 'zod';
import { incidentId, snoozeReplyText } from '../src/incidents/index.ts';
import { performOn, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { DURATION_HINT, durationWord } from './snooze-duration.ts';
import { splitArguments } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident snooze [id] <duration>';

const snoozeArgs = z
  .string()
  .transform((text) => splitLeadingId(text))
  .transform(({ id, rest }, ctx) => {
    const split = splitArguments(rest);
    if (!split.ok) {
      ctx.addIssue({ code: 'custom', message: split.problem });
      return z.NEVER;
    }
    if (split.args.length !== 1) {
      const problem = split.args.length === 0 ? `No duration: ${DURATION_HINT}.` : 'Give one duration.';
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return { id, duration: split.args[0]?.text ?? '' };
  })
  .pipe(z.object({ id: z.union([z.number(), z.undefined()]), duration: durationWord }));

/**
 * `/incident snooze [id] <duration>`: no escalation stage or reminder for the incident until the
 * time passes, a signal raises its impact, or someone unsnoozes it. One snooze at a time.
 */
export const snoozeCommand: Subcommand<{ id: number | undefined; duration: number }> = {
  name: 'snooze',
  usage: USAGE,
  summary: 'pause escalation and reminders for a while (30m, 1h, 1h30m; at most 24 h)',
  hint: `duration: ${DURATION_HINT}`,
  parse: (text) => parseWith(snoozeArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const result = await performOn(ctx, incident, { kind: 'snooze', forMs: ctx.args.duration });
    const next =
      result.kind === 'changed'
        ? `\nIt ends early if a signal raises the impact; \`/incident unsnooze ${incidentId(result.incident.seq)}\` ends it now.`
        : '';
    await ctx.reply(`${snoozeReplyText(incident.seq, result)}${next}`);
  },
};
