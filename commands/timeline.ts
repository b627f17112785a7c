import { buildTimelineMessage } from '../src/incidents/index.ts';
import { resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident timeline [id]';

/** `/incident timeline [id]`: every entry with time, who, what and from → to. */
export const timelineCommand: Subcommand<{ id: number | undefined }> = {
  name: 'timeline',
  usage: USAGE,
  summary: "show the incident's timeline",
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    await ctx.reply(buildTimelineMessage(incident, await ctx.deps.store.listTimeline(incident.seq)));
  },
};
