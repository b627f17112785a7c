import { z } from 'zod';
import { buildRunbookList, runbookOutcomeMessage } from '../src/runbooks/index.ts';
import { resolveTarget } from './incident-target.ts';
import { incidentIdWord, parseArguments, quote } from './parse-args.ts';
import type { Subcommand } from './subcommand.ts';

const USAGE = '/incident runbook [id] [runbook] [key=value…]';

const runbookWord = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'not a runbook id' });

const assignment = z.string().transform((word, ctx) => {
  const match = /^([A-Za-z0-9_]{1,50})=(.*)$/.exec(word);
  if (!match) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(word)} is not key=value (e.g. BackupRetentionPeriod=14).`,
    });
    return z.NEVER;
  }
  return [match[1] ?? '', match[2] ?? ''] as const;
});

export interface RunbookArgs {
  id: number | undefined;
  runbookId: string | undefined;
  overrides: Record<string, string>;
}

/** `[id] [runbook] [key=value…]`: a leading incident id, then a runbook id, then parameter values. */
const runbookArgs = z.array(z.string()).transform((all, ctx): RunbookArgs => {
  const rest = [...all];
  let id: number | undefined;
  if (rest[0] !== undefined && /^(inc-)?\d+$/i.test(rest[0])) {
    const parsed = incidentIdWord.safeParse(rest.shift());
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'not an incident id' });
      return z.NEVER;
    }
    id = parsed.data;
  }
  const next = rest[0];
  const runbookId = next !== undefined && !next.includes('=') ? rest.shift() : undefined;
  if (runbookId !== undefined && !runbookWord.safeParse(runbookId).success) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(runbookId)} is not a runbook id (see \`/incident runbook\`).`,
    });
    return z.NEVER;
  }
  const overrides: Record<string, string> = {};
  for (const word of rest) {
    const parsed = assignment.safeParse(word);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'bad key=value' });
      return z.NEVER;
    }
    overrides[parsed.data[0]] = parsed.data[1];
  }
  if (runbookId === undefined && Object.keys(overrides).length > 0) {
    ctx.addIssue({ code: 'custom', message: 'Name the runbook before its values.' });
    return z.NEVER;
  }
  return { id, runbookId, overrides };
});

/**
 * `/incident runbook [id]` lists the runbooks that fit the incident; with a runbook id it runs it
 * (typing the command is the confirmation) or, for a two-person runbook, asks for approval. The
 * trigger_id is the request key, so the same command delivered twice starts one execution.
 */
export const runbookCommand: Subcommand<RunbookArgs> = {
  name: 'runbook',
  usage: USAGE,
  summary: 'list the runbooks that fit the incident, or run one (SSM Automation)',
  hint: 'quote a value with spaces (`Reason="nightly batch"`); only the parameters the catalog marks editable can be set',
  parse: (text) => parseArguments(runbookArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const { runbooks } = ctx.deps.runbooks;
    if (ctx.args.runbookId === undefined) {
      await ctx.reply(buildRunbookList(incident, runbooks.fitting(incident)));
      return;
    }
    const outcome = await runbooks.ask({
      seq: incident.seq,
      runbookId: ctx.args.runbookId,
      actorId: ctx.userId,
      requestKey: `cmd:${ctx.triggerId}`,
      overrides: ctx.args.overrides,
    });
    ctx.deps.logger.info(
      { seq: incident.seq, runbookId: ctx.args.runbookId, outcome: outcome.kind },
      '/incident runbook',
    );
    await ctx.reply(runbookOutcomeMessage(outcome));
  },
};
