import { buildIncidentSummary } from '../src/incidents/index.ts';
import type { RunbookExecution } from '../src/runbooks/index.ts';
import { resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident show [id]';

/** `/incident show [id]`: status, impact, who acknowledged, resource, Incident Manager state, runbooks run. */
export const showCommand: Subcommand<{ id: number | undefined }> = {
  name: 'show',
  usage: USAGE,
  summary: 'show an incident, including whether Incident Manager is up to date',
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const { store, config } = ctx.deps;
    const unfinished = await store.listUnfinishedOutbox(incident.seq);
    const executions = await store.runbooks.listExecutions(incident.seq);
    const titleOf = (execution: RunbookExecution) =>
      config.runbooks.catalog.find((runbook) => runbook.id === execution.runbookId)?.title ??
      execution.runbookId;
    await ctx.reply(
      buildIncidentSummary(incident, unfinished, {
        defaultRegion: config.aws.region,
        accounts: config.accounts,
        // Its runbooks ran in its own Region: their console links point there.
        runbooks: {
          executions,
          titleOf,
          region: incident.resource?.region ?? incident.region ?? config.aws.region,
        },
      }),
    );
  },
};
