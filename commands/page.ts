import { z } from 'zod';
import { CONTACT_TARGET, matchPageNames, pageReplyText, unmatchedNamesText } from '../src/paging/index.ts';
import { resolveTarget } from './incident-target.ts';
import { parseWith, quote, splitLeadingId } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import { splitArguments } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident page [id] <@person|name|@group|rotation:<name>|contact:<alias>> …';

/** A word to page: a target warroom can page as is, or a name to look up in Slack. */
type TargetWord = { target: string } | { name: string };

/** `@carol`, `carol`, `@sre`, `Carol Chen` (quoted): letters, digits and . _ ' - and spaces. */
const NAME = /^@?[\p{L}\p{N}][\p{L}\p{N}._' -]*$/u;

/**
 * `<@U123>`, `<@U123|alice>`, `U123`; `<!subteam^S123|@sre>`, `S123`; `rotation:primary`;
 * `contact:alice-oncall` or `contact:<contact ARN>` (an SSM Contacts engagement).
 */
const targetWord = z.string().transform((word, ctx): TargetWord => {
  const user = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(word)?.[1] ?? /^([UW][A-Z0-9]{2,})$/.exec(word)?.[1];
  const group = /^<!subteam\^(S[A-Z0-9]+)(\|[^>]*)?>$/.exec(word)?.[1] ?? /^(S[A-Z0-9]{2,})$/.exec(word)?.[1];
  const rotation = /^rotation:[A-Za-z0-9_-]+$/.test(word) ? word : undefined;
  const contact = CONTACT_TARGET.test(word) ? word : undefined;
  const target = user ?? group ?? rotation ?? contact;
  if (target) return { target };
  if (NAME.test(word)) return { name: word };
  ctx.addIssue({
    code: 'custom',
    message: `${quote(word)} is not someone to page: name a person (@carol, "Carol Chen", <@U…>), a user group (@sre), rotation:<name> or contact:<SSM Contacts alias or ARN>.`,
  });
  return z.NEVER;
});

const pageArgs = z
  .string()
  .transform((text) => splitLeadingId(text))
  .pipe(
    z.object({
      id: z.union([z.number(), z.undefined()]),
      rest: z
        .string()
        .transform((rest, ctx) => {
          const split = splitArguments(rest);
          if (split.ok) return split.args.map((arg) => arg.text);
          ctx.addIssue({ code: 'custom', message: split.problem });
          return z.NEVER;
        })
        .pipe(z.array(targetWord).min(1, 'Name whom to page after the id.')),
    }),
  )
  .transform(({ id, rest }) => ({ id, targets: rest }));

/** `/incident page [id] <targets…>`: pings them like an escalation stage. */
export const pageCommand: Subcommand<{ id: number | undefined; targets: TargetWord[] }> = {
  name: 'page',
  usage: USAGE,
  summary: 'page a person, user group or on-call rotation about an incident',
  hint: "by @handle, name, @group, rotation:<name> or contact:<alias>; they are mentioned in the card's thread and sent a DM",
  parse: (text) => parseWith(pageArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident || !(await allowedOrTold(ctx, 'page', incident))) return;
    const names = ctx.args.targets.flatMap((word) => ('name' in word ? [word.name] : []));
    const matches = await matchPageNames(ctx.deps.slack, names);
    const unmatched = unmatchedNamesText(matches);
    if (unmatched) {
      await ctx.reply(`Nobody was paged.\n${unmatched}`);
      return;
    }
    const found = new Map(matches.flatMap((m) => (m.kind === 'found' ? [[m.name, m.target] as const] : [])));
    const targets = ctx.args.targets.map((word) =>
      'name' in word ? (found.get(word.name) ?? '') : word.target,
    );
    const outcome = await ctx.deps.escalation.page(incident.seq, targets, ctx.userId, `cmd:${ctx.triggerId}`);
    await ctx.reply(pageReplyText(incident.seq, outcome));
  },
};
