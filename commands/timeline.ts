import { z } from 'zod';
import {
  buildTimelineMessage,
  findHomeCard,
  type Incident,
  MAX_ENTRY_TEXT,
  type TimelineEntry,
} from '../src/incidents/index.ts';
import { resolveTarget } from './incident-target.ts';
import { incidentIdWord, parseArguments, quote } from './parse-args.ts';
import type { CommandContext, Subcommand } from './subcommand.ts';

const USAGE = '/incident timeline [id] [page]';

const pageNumber = z.string().transform((word, ctx): number => {
  const page = /^\d{1,4}$/.test(word) ? Number(word) : 0;
  if (page < 1) {
    ctx.addIssue({ code: 'custom', message: `${quote(word)} is not a page number (1, 2, …).` });
    return z.NEVER;
  }
  return page;
});

const pageWord = z.string().regex(/^page$/i);

/**
 * One word is the incident id, as before pages existed; `page 2` pages the incident this channel
 * points to.
 */
const timelineArgs = z.union([
  z.tuple([]).transform(() => ({ id: undefined, page: undefined })),
  z.tuple([incidentIdWord]).transform(([id]) => ({ id, page: undefined })),
  z.tuple([pageWord, pageNumber]).transform(([, page]) => ({ id: undefined, page })),
  z.tuple([incidentIdWord, pageNumber]).transform(([id, page]) => ({ id, page })),
  z.tuple([incidentIdWord, pageWord, pageNumber]).transform(([id, , page]) => ({ id, page })),
]);

/** The card thread's permalink, asked of Slack only when a long note is cut and needs a pointer. */
async function threadLinkFor(
  ctx: CommandContext<unknown>,
  incident: Incident,
  entries: readonly TimelineEntry[],
): Promise<string | undefined> {
  if (!entries.some((entry) => entry.kind === 'note' && entry.text.length > MAX_ENTRY_TEXT)) return undefined;
  const { channel, card } = await findHomeCard(
    ctx.deps.store,
    incident.seq,
    ctx.deps.config.slack.alertChannel,
  );
  if (!card?.ts) return undefined;
  // Without the link the pointer still says where the note is whole.
  return ctx.deps.slack.permalink(channel, card.ts).catch(() => undefined);
}

/** `/incident timeline [id] [page]`: every entry with time, who, what and from → to, a page at a time. */
export const timelineCommand: Subcommand<{ id: number | undefined; page: number | undefined }> = {
  name: 'timeline',
  usage: USAGE,
  summary: "show the incident's timeline",
  hint: 'shows the newest page; `page 2` (or `INC-42 2`) shows another, page 1 being the oldest',
  parse: (text) => parseArguments(timelineArgs, text),
  async run(ctx) {
    const incident = await resolveTarget(ctx, ctx.args.id, USAGE);
    if (!incident) return;
    const entries = await ctx.deps.store.listTimeline(incident.seq);
    const threadLink = await threadLinkFor(ctx, incident, entries);
    await ctx.reply(buildTimelineMessage(incident, entries, { page: ctx.args.page, threadLink }));
  },
};
