import { z } from 'zod';
import {
  incidentId,
  MAX_NOTE_TEXT,
  noteConfirmation,
  postUpdate,
  triageReplyText,
} from '../src/incidents/index.ts';
import { performOn, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

const updateArgs = z
  .string()
  .transform((text) => {
    const { id, rest } = splitLeadingId(text);
    return { id, text: unquoteWhole(rest) };
  })
  .refine((args) => args.text.length > 0, { message: 'Write the update after the id.' })
  .refine((args) => args.text.length <= MAX_NOTE_TEXT, {
    message: `An update can be at most ${MAX_NOTE_TEXT.toLocaleString('en-US')} characters.`,
  });

const USAGE = '/incident update [id] <text>';

/**
 * `/incident update [id] <text>`: a status update for stakeholders, stored on the timeline and
 * posted with the impact, status, duration and owner in the card's thread, the incident channel and
 * `slack.updatesChannel`. The card shows when the latest was posted.
 */
export const updateCommand: Subcommand<{ id: number | undefined; text: string }> = {
  name: 'update',
  usage: USAGE,
  summary: 'post a status update for stakeholders',
  hint: 'a leading `INC-42` (or `42`) names the incident; everything else is the update',
  parse: (text) => parseWith(updateArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const result = await performOn(ctx, incident, { kind: 'update', text: ctx.args.text });
    if (result.kind !== 'changed') return ctx.reply(triageReplyText(result));
    const { store, slack, logger, config } = ctx.deps;
    // An open incident is acknowledged by its update: the message shows it as it now stands.
    const current = (await store.getIncident(incident.seq)) ?? result.incident;
    const deps = {
      store,
      slack,
      logger,
      alertChannel: config.slack.alertChannel,
      updatesChannel: config.slack.updatesChannel,
    };
    const posted = await postUpdate(deps, current, result.entry);
    await ctx.reply(noteConfirmation(incidentId(incident.seq), posted, 'update'));
  },
};
