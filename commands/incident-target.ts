import type { TriageAction, TriageResult } from '../src/incidents/index.ts';
import {
  describeLookupFailure,
  findIncident,
  type Incident,
  incidentId,
  triageReplyText,
} from '../src/incidents/index.ts';
import type { CommandContext } from './subcommand.ts';

/**
 * The incident a command is about: the id given, else the one this channel points to. When that is
 * not one incident, the person is told why (with the candidates, and `usage` filled in with the
 * first of them as an example) and undefined is returned.
 */
export async function resolveTarget(
  ctx: CommandContext<unknown>,
  id: number | undefined,
  usage: string,
): Promise<Incident | undefined> {
  const lookup = await findIncident(ctx.deps.store, id, ctx.channelId);
  if (lookup.kind === 'found') return lookup.incident;
  const example =
    lookup.kind === 'ambiguous' && lookup.candidates[0]
      ? usage.replace('[id]', incidentId(lookup.candidates[0].seq))
      : usage;
  await ctx.reply(describeLookupFailure(lookup, example));
  return undefined;
}

/**
 * Runs a responder action through Triage, which checks the permission and records one timeline
 * entry. The trigger_id is the dedupe key, so the same command delivered twice changes nothing twice.
 */
export async function performOn(
  ctx: CommandContext<unknown>,
  incident: Incident,
  action: TriageAction,
): Promise<TriageResult> {
  return ctx.deps.triage.perform(incident.seq, action, { userId: ctx.userId }, `cmd:${ctx.triggerId}`);
}

/** performOn, answered with the standard reply for its outcome. */
export async function performAndReply(
  ctx: CommandContext<unknown>,
  incident: Incident,
  action: TriageAction,
): Promise<void> {
  await ctx.reply(triageReplyText(await performOn(ctx, incident, action)));
}
