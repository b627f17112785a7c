import { snoozeReplyText } from '../src/incidents/index.ts';
import { performOn, resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident unsnooze [id]';

/** `/incident unsnooze [id]`: the snooze ends now; what fell due during it pages at once. */
export const unsnoozeCommand: Subcommand<{ id: number | undefined }> = {
  name: 'unsnooze',
  usage: USAGE,
  summary: 'end a snooze now: escalation and reminders resume',
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    await ctx.reply(snoozeReplyText(incident.seq, await performOn(ctx, incident, { kind: 'unsnooze' })));
  },
};
