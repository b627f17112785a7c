import { performAndReply, resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident split [id]';

/** `/incident split INC-n`: a storm member becomes a normal incident with its own card and paging. */
export const splitCommand: Subcommand<{ id: number | undefined }> = {
  name: 'split',
  usage: USAGE,
  summary: 'take an incident out of its storm: its own card and escalation from now on',
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (incident) await performAndReply(ctx, incident, { kind: 'split' });
  },
};
