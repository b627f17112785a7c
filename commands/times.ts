import { buildLifecycleTimes } from '../src/incidents/index.ts';
import { resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident times [id]';

/** `/incident times [id]`: impact started, detected, acknowledged, resolved (and reopens), durations. */
export const timesCommand: Subcommand<{ id: number | undefined }> = {
  name: 'times',
  usage: USAGE,
  summary: "an incident's lifecycle times (UTC) and durations",
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    await ctx.reply(buildLifecycleTimes(incident));
  },
};
