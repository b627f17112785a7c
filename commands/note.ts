import { z } from 'zod';
import { incidentId, triageReplyText } from '../src/incidents/index.ts';
import { performOn, resolveTarget } from './incident-target.ts';
import { parseWith, splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';
import type { Subcommand } from './subcommand.ts';

/** As long as the Add note modal allows. */
const MAX_NOTE = 3000;

const noteArgs = z
  .string()
  .transform((text) => {
    const { id, rest } = splitLeadingId(text);
    // `note INC-1 "the replica lags"`: quotes around the whole note are not part of it.
    return { id, text: unquoteWhole(rest) };
  })
  .refine((args) => args.text.length > 0, { message: 'Write the note after the id.' })
  .refine((args) => args.text.length <= MAX_NOTE, {
    message: `A note can be at most ${MAX_NOTE} characters; use the Add note button for a long one.`,
  });

const USAGE = '/incident note [id] <text>';

/** `/incident note [id] <text>`: adds the text to the timeline (and Incident Manager's). */
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
    await ctx.reply(
      result.kind === 'changed'
        ? `${incidentId(result.incident.seq)}: your note is on the timeline.`
        : triageReplyText(result),
    );
  },
};
