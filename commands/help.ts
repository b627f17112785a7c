import { z } from 'zod';
import { buildCommandHelp, buildUnknownCommandText, buildUsageText } from '../src/slack/command-help.ts';
import { parseArguments } from './parse-args.ts';
import type { AnySubcommand, Subcommand } from './subcommand.ts';

const helpArgs = z.union([
  z.tuple([]).transform(() => ({ topic: undefined })),
  z.tuple([z.string()]).transform(([topic]) => ({ topic: topic.toLowerCase() })),
]);

/**
 * `/incident help [subcommand]`. Built from the other subcommands so the list cannot drift from
 * what the router accepts.
 */
export function createHelpCommand(
  others: readonly AnySubcommand[],
): Subcommand<{ topic: string | undefined }> {
  const help: Subcommand<{ topic: string | undefined }> = {
    name: 'help',
    usage: '/incident help [subcommand]',
    summary: 'this list, or how to use one subcommand',
    parse: (text) => parseArguments(helpArgs, text),
    async run(ctx) {
      const all = [help, ...others];
      const { topic } = ctx.args;
      if (topic === undefined) {
        await ctx.reply(buildCommandHelp(all));
        return;
      }
      const command = all.find((candidate) => candidate.name === topic);
      await ctx.reply(command ? buildUsageText(command) : buildUnknownCommandText(topic, all));
    },
  };
  return help;
}
