import { buildIncidentSummary } from '../src/slack/incident-summary.ts';
import { resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseWith, words } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident show [id]';

/** `/incident show [id]`: status, impact, who acknowledged, resource, and the Incident Manager state. */
export const showCommand: Subcommand<{ id: number | undefined }> = {
  name: 'show',
  usage: USAGE,
  summary: 'show an incident, including whether Incident Manager is up to date',
  parse: (text) => parseWith(optionalIdArgs, words(text)),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const unfinished = await ctx.deps.store.listUnfinishedOutbox(incident.seq);
    await ctx.reply(
      buildIncidentSummary(incident, unfinished, { defaultRegion: ctx.deps.config.aws.region }),
    );
  },
};
