import { z } from 'zod';
import { matchPageNames, unmatchedNamesText } from '../src/paging/index.ts';
import { performAndReply, resolveTarget } from './incident-target.ts';
import { parseWith, quote, splitLeadingId } from './parse-args.ts';
import { splitArguments } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident take [id] [@person]';

/** Whom to hand it to: a mention or id as is, or a name (`@bob`, `"Bob Baker"`) to look up in Slack. */
type Recipient = { user: string } | { name: string };

const recipient = z.string().transform((word, ctx): Recipient => {
  const user = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(word)?.[1] ?? /^([UW][A-Z0-9]{2,})$/.exec(word)?.[1];
  if (user) return { user };
  if (/^@?[\p{L}\p{N}][\p{L}\p{N}._' -]*$/u.test(word)) return { name: word };
  ctx.addIssue({ code: 'custom', message: `${quote(word)} is not a person: name them (@bob, <@U…>).` });
  return z.NEVER;
});

const takeArgs = z
  .string()
  .transform((text) => splitLeadingId(text))
  .pipe(
    z.object({
      id: z.union([z.number(), z.undefined()]),
      rest: z
        .string()
        .transform((rest, ctx) => {
          const split = splitArguments(rest);
          if (!split.ok) {
            ctx.addIssue({ code: 'custom', message: split.problem });
            return z.NEVER;
          }
          if (split.args.length > 1) {
            ctx.addIssue({ code: 'custom', message: 'Hand an incident to one person at a time.' });
            return z.NEVER;
          }
          return split.args.map((arg) => arg.text);
        })
        .pipe(z.array(recipient)),
    }),
  )
  .transform(({ id, rest }) => ({ id, to: rest[0] }));

/** `/incident take [id] [@person]`: you own the incident (acknowledging it if open), or hand it over. */
export const takeCommand: Subcommand<{ id: number | undefined; to: Recipient | undefined }> = {
  name: 'take',
  usage: USAGE,
  summary: 'own an incident (acknowledging it if open), or hand it to someone',
  parse: (text) => parseWith(takeArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const { to } = ctx.args;
    if (!to || 'user' in to) {
      await performAndReply(ctx, incident, { kind: 'take', to: to?.user });
      return;
    }
    const [match] = await matchPageNames(ctx.deps.slack, [to.name]);
    if (match?.kind === 'found' && !match.target.startsWith('S')) {
      await performAndReply(ctx, incident, { kind: 'take', to: match.target });
      return;
    }
    const problem =
      match?.kind === 'found'
        ? `${quote(to.name)} is a user group; hand the incident to one person.`
        : unmatchedNamesText(match ? [match] : []);
    await ctx.reply(`Nothing changed.\n${problem}`);
  },
};
