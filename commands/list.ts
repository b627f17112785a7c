import { z } from 'zod';
import { buildIncidentList } from '../src/incidents/index.ts';
import { parseArguments } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

/** `/incident list`: every open incident, newest first. */
export const listCommand: Subcommand<Record<string, never>> = {
  name: 'list',
  usage: '/incident list',
  summary: 'list the open incidents, newest first',
  hint: 'list takes no arguments',
  parse: (text) =>
    parseArguments(
      z.tuple([]).transform(() => ({})),
      text,
    ),
  async run(ctx) {
    await ctx.reply(buildIncidentList(await ctx.deps.store.listOpenIncidents(), ctx.deps.config.accounts));
  },
};
