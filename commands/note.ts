import { z } from 'zod';
import {
  incidentId,
  MAX_NOTE_TEXT,
  noteConfirmation,
  postNote,
  triageReplyText,
} from '../src/incidents/index.ts';
import { performOn, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

const noteArgs = z
  .string()
  .transform((text) => {
    const { id, rest } = splitLeadingId(text);
    // `note INC-1 "the replica lags"`: quotes around the whole note are not part of it.
    return { id, text: unquoteWhole(rest) };
  })
  .refine((args) => args.text.length > 0, { message: 'Write the note after the id.' })
  .refine((args) => args.text.length <= MAX_NOTE_TEXT, {
    message: `A note can be at most ${MAX_NOTE_TEXT.toLocaleString('en-US')} characters; split a longer one into several notes.`,
  });

const USAGE = '/incident note [id] <text>';

/**
 * `/incident note [id] <text>`: adds the text to the timeline (and Incident Manager's) and shows it
 * in the card's thread and the incident channel.
 */
export const noteCommand: Subcommand<{ id: number | undefined; text: string }> = {
  name: 'note',
  usage: USAGE,
  summary: "add a note to the incident's timeline",
  hint: 'a leading `INC-42` (or `42`) names the incident; everything else is the note',
  parse: (text) => parseWith(noteArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const result = await performOn(ctx, incident, { kind: 'note', text: ctx.args.text });
    // The standard reply quotes the entry as "you <text>", which reads oddly for a note.
    if (result.kind !== 'changed') return ctx.reply(triageReplyText(result));
    const { store, slack, logger, config } = ctx.deps;
    const deps = { store, slack, logger, alertChannel: config.slack.alertChannel };
    const posted = await postNote(deps, result.incident, result.entry);
    await ctx.reply(noteConfirmation(incidentId(result.incident.seq), posted));
  },
};
