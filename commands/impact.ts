import { z } from 'zod';
import type { Impact } from '../src/incidents/index.ts';
import { performAndReply, resolveTarget } from './incident-target.ts';
import { IMPACT_HINT, impactWord, incidentIdWord, parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const impactArgs = z.union([
  z.tuple([impactWord]).transform(([impact]) => ({ id: undefined, impact })),
  z.tuple([incidentIdWord, impactWord]).transform(([id, impact]) => ({ id, impact })),
]);

const USAGE = '/incident impact [id] <1-5>';

/** `/incident impact [id] <1-5>`: Incident Manager's scale; a person's choice outranks later signals. */
export const impactCommand: Subcommand<{ id: number | undefined; impact: Impact }> = {
  name: 'impact',
  usage: USAGE,
  summary: 'set the impact, 1 (Critical) to 5 (No impact)',
  hint: IMPACT_HINT,
  parse: (text) => parseArguments(impactArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (incident) await performAndReply(ctx, incident, { kind: 'impact', impact: ctx.args.impact });
  },
};
