import { performAndReply, resolveTarget } from './incident-target.ts';
import { optionalIdArgs, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident ack [id]';

/** `/incident ack [id]`: the person takes the incident; the card loses its Acknowledge button. */
export const ackCommand: Subcommand<{ id: number | undefined }> = {
  name: 'ack',
  usage: USAGE,
  summary: 'acknowledge an incident: you are on it',
  parse: (text) => parseArguments(optionalIdArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (incident) await performAndReply(ctx, incident, { kind: 'acknowledge' });
  },
};
