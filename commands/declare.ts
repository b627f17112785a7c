import { z } from 'zod';
import type { Impact } from '../src/incidents/index.ts';
import {
  buildDeclareModal,
  deniedText,
  impactLabel,
  incidentId,
  PERMISSION_FOR,
} from '../src/incidents/index.ts';
import { escapeMrkdwn } from '../src/slack/mrkdwn.ts';
import { IMPACT_HINT, parseWith } from './parse-args.ts';
import { allowedOrTold } from './permission-gate.ts';
import { splitArguments } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

/** As long as the declare modal's title field allows. */
const MAX_TITLE = 150;
/** What the declare modal preselects too. */
const DEFAULT_IMPACT: Impact = 3;

type DeclareArgs = { form: 'modal' } | { form: 'inline'; title: string; impact: Impact };

/**
 * A last word 1–5 after at least one word of title is the impact: `declare Orders DB down 2`. A
 * quoted title is taken without its quotes (`declare "Checkout latency" 2`), and a quoted last word
 * is part of the title (`declare "Release 2"`).
 */
const declareArgs = z
  .string()
  .transform((text, ctx): DeclareArgs => {
    const split = splitArguments(text);
    if (!split.ok) {
      ctx.addIssue({ code: 'custom', message: split.problem });
      return z.NEVER;
    }
    const all = split.args;
    if (all.length === 0) return { form: 'modal' };
    const last = all[all.length - 1];
    const impact =
      all.length > 1 && last && !last.quoted && /^[1-5]$/.test(last.text)
        ? (Number(last.text) as Impact)
        : undefined;
    const title = (impact === undefined ? all : all.slice(0, -1))
      .map((arg) => arg.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { form: 'inline', title, impact: impact ?? DEFAULT_IMPACT };
  })
  .superRefine((args, ctx) => {
    if (args.form === 'modal') return;
    if (args.title === '')
      ctx.addIssue({ code: 'custom', message: 'The title is empty: write it between the quotes.' });
    else if (args.title.length > MAX_TITLE)
      ctx.addIssue({ code: 'custom', message: `A title can be at most ${MAX_TITLE} characters.` });
  });

/** `/incident declare <title> [impact]`; with no arguments, the declare modal opens. */
export const declareCommand: Subcommand<DeclareArgs> = {
  name: 'declare',
  usage: '/incident declare <title> [impact]',
  summary: 'open an incident by hand (no arguments: a form opens)',
  hint: `a last word 1–5 is the impact (default ${DEFAULT_IMPACT}); ${IMPACT_HINT}`,
  parse: (text) => parseWith(declareArgs, text),
  async run(ctx) {
    const { args, deps } = ctx;
    if (args.form === 'modal') {
      if (!(await allowedOrTold(ctx, PERMISSION_FOR.declare))) return;
      await deps.slack.openView(ctx.triggerId, buildDeclareModal({ channelId: ctx.channelId }));
      return;
    }
    const result = await deps.triage.declare({
      title: args.title,
      impact: args.impact,
      actor: { userId: ctx.userId },
      dedupeKey: `cmd:${ctx.triggerId}`,
    });
    if (result.kind === 'denied') {
      await ctx.reply(deniedText(result));
      return;
    }
    const id = incidentId(result.incident.seq);
    if (result.kind === 'duplicate') {
      await ctx.reply(`That command already declared *${id}*; nothing new was opened.`);
      return;
    }
    const incidentManager = deps.config.incidents.responsePlanArn
      ? ` It is being started in Incident Manager too: \`/incident show ${id}\` tells how that goes.`
      : '';
    await ctx.reply(
      `You declared *${id}* · ${escapeMrkdwn(args.title)} (impact ${impactLabel(args.impact)}). ` +
        `Its card is on its way to <#${deps.config.slack.alertChannel}>.${incidentManager}`,
    );
  },
};
