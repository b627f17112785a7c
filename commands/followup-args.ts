import { z } from 'zod';
import { MAX_FOLLOW_UP_TITLE } from '../src/followups/index.ts';
import { splitLeadingId } from './parse-args.ts';
import { unquoteWhole } from './split-arguments.ts';

export interface FollowUpArgs {
  id: number | undefined;
  title: string;
  /** Slack user id of the owner named with a trailing @mention. */
  owner?: string;
  /** The due date as typed (checked against today when run: parse does no I/O and has no clock). */
  dueText?: string;
}

/** A trailing due date: YYYY-MM-DD (even an impossible one: it is refused in words), today, tomorrow, in 3d / in 2w. */
const TRAILING_DUE = /\s+(\d{4}-\d{1,2}-\d{1,2}|today|tomorrow|in\s+\d+\s*[a-z]+)$/i;
/** A trailing Slack mention, as Slack sends it (`<@U0BOB>` or `<@U0BOB|bob>`). */
const TRAILING_OWNER = /\s+<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * Splits `[id] <text> [@owner] [due]`: the owner and due date are read off the end, in either
 * order, so a title may mention people elsewhere. "in 3 days" is typed `in 3d`.
 */
function splitFollowUp(text: string): FollowUpArgs {
  const { id, rest } = splitLeadingId(text);
  let body = ` ${rest.trim()}`;
  let owner: string | undefined;
  let dueText: string | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const due = dueText === undefined ? TRAILING_DUE.exec(body) : null;
    if (due) {
      dueText = due[1];
      body = body.slice(0, due.index);
      continue;
    }
    const mention = owner === undefined ? TRAILING_OWNER.exec(body) : null;
    if (mention) {
      owner = mention[1];
      body = body.slice(0, mention.index);
    }
  }
  return {
    id,
    title: unquoteWhole(body.trim()),
    ...(owner ? { owner } : {}),
    ...(dueText ? { dueText } : {}),
  };
}

export const followUpArgs = z
  .string()
  .transform(splitFollowUp)
  .refine((args) => args.title.length > 0, { message: 'Write what needs doing after the id.' })
  .refine((args) => args.title.length <= MAX_FOLLOW_UP_TITLE, {
    message: `A follow-up can be at most ${MAX_FOLLOW_UP_TITLE} characters; put the detail in the incident's notes.`,
  });
